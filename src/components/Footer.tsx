import type { LoadedData } from '../store/appStore';
import { formatDateFr } from '../domain/presentation';

/**
 * The site's footer, as on French public sites: when the data was last updated, where it comes
 * from and under which licences, the legal notice and the accessibility statement. One line on a
 * desktop, under the map and the panel; two short lines on a phone, under the list.
 */
export function Footer({ data }: { data: LoadedData }) {
  return (
    <footer className="pied">
      <p className="pied-date">Données mises à jour le {formatDateFr(data.meta.date_donnees)}</p>
      <ul className="pied-liens">
        <li><a href="./mentions-legales.html#sources">Sources<span className="pied-long"> et licences</span></a></li>
        <li><a href="./licences-tierces.txt" type="text/plain">Licences<span className="pied-long"> des logiciels</span></a></li>
        <li><a href="./mentions-legales.html">Mentions légales</a></li>
        <li><a href="./accessibilite.html">Accessibilité<span className="pied-long"> : partiellement conforme</span></a></li>
      </ul>
    </footer>
  );
}
