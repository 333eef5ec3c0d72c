import { useAppStore } from '../store/appStore';
import { useLoadedData } from './hooks';
import { PropositionButton } from './PropositionButton';

/**
 * The page's title, the sample-data notice and "Proposer une innovation". Embedded in another site the title is only read by
 * screen readers (the host page has its own), and the notice stays, smaller.
 */
export function Header({ onSkipToPanel }: { onSkipToPanel: () => void }) {
  const data = useLoadedData();
  const integration = useAppStore((s) => s.integration);
  return (
    <header className="entete">
      {data && (
        <a className="lien-evitement" href="#panneau" onClick={onSkipToPanel}>
          Aller aux filtres et à la liste des innovations
        </a>
      )}
      <h1 className={integration ? 'visuellement-cache' : undefined}>Cartographie TIC des territoires</h1>
      {!integration && (
        <p className="entete-sous-titre">Innovations numériques des territoires et étapes de La Route des Territoires 2009</p>
      )}
      {!integration && <PropositionButton />}
      {data?.meta.exemple && (
        <p className="bandeau-exemple" role="note">
          <strong>Données d'exemple</strong> : les innovations affichées sont fictives et servent à montrer l'outil.
        </p>
      )}
    </header>
  );
}
