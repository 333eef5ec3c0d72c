import type { LoadedData } from '../store/appStore';
import { formatDateFr } from '../domain/presentation';

/**
 * The site's footer, as on French public sites: when the data was last updated, where it comes
 * from and under which licences, the legal notice and the accessibility statement. One line on a
 * desktop, under the map and the panel.
 */
export function Footer({ data }: { data: LoadedData }) {
  return (
    <footer className="pied">
      <p className="pied-date">Données mises à jour le {formatDateFr(data.meta.date_donnees)}</p>
      <ul className="pied-liens">
        <li><a href="./mentions-legales.html#sources">Sources et licences</a></li>
        <li><a href="./licences-tierces.txt" type="text/plain">Licences des logiciels</a></li>
        <li><a href="./mentions-legales.html">Mentions légales</a></li>
        <li><a href="./accessibilite.html">Accessibilité : partiellement conforme</a></li>
      </ul>
    </footer>
  );
}
