import { useLoadedData } from './hooks';

export function Header() {
  const data = useLoadedData();
  return (
    <header className="entete">
      {data && <a className="lien-evitement" href="#panneau">Aller aux filtres et à la liste des innovations</a>}
      <h1>Cartographie TIC des territoires</h1>
      <p className="entete-sous-titre">Innovations numériques des territoires et étapes de La Route des Territoires 2009</p>
      {data?.meta.exemple && (
        <p className="bandeau-exemple" role="note">
          <strong>Données d'exemple</strong> : les innovations affichées sont fictives et servent à montrer l'outil.
        </p>
      )}
    </header>
  );
}
