import type { LoadedData } from '../store/appStore';
import { formatDate } from '../domain/presentation';
import { useT } from './hooks';

/**
 * The site's footer, as on French public sites: when the data was last updated, where it comes
 * from and under which licences, the legal notice and the accessibility statement. One line on a
 * desktop, under the map and the panel; two short lines on a phone, under the list.
 */
export function Footer({ data }: { data: LoadedData }) {
  const { t, lang } = useT();
  // The text pages are in French; in English their chrome (and a note) follow the language.
  const page = (name: string, hash = '') => `./${name}${lang === 'en' ? '?lang=en' : ''}${hash}`;
  return (
    <footer className="pied">
      <p className="pied-date">{t('footer.updated', { date: formatDate(data.meta.date_donnees, lang) })}</p>
      <ul className="pied-liens">
        <li><a href={page('mentions-legales.html', '#sources')}>{t('footer.sources')}<span className="pied-long">{t('footer.sourcesLong')}</span></a></li>
        <li><a href="./licences-tierces.txt" type="text/plain">{t('footer.licences')}<span className="pied-long">{t('footer.licencesLong')}</span></a></li>
        <li><a href={page('mentions-legales.html')}>{t('footer.legal')}</a></li>
        <li><a href={page('accessibilite.html')}>{t('footer.accessibility')}<span className="pied-long">{t('footer.accessibilityLong')}</span></a></li>
      </ul>
    </footer>
  );
}
