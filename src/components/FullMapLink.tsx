import { useAppStore } from '../store/appStore';
import { serializeUrlState } from '../store/urlState';
import { fullMapUrl } from '../domain/embed';
import { useT } from './hooks';

/** In the embedded map, the way to the full page, with the filters, selection and view of now. */
export function FullMapLink() {
  const query = useAppStore((s) => serializeUrlState({
    filters: s.filters, selection: s.selection, view: s.view, ...(s.edition !== null ? { edition: s.edition } : {}),
    ...(s.lang !== 'fr' ? { lang: s.lang } : {}),
  }));
  const { t } = useT();
  return (
    <a className="lien-carte-en-grand" href={fullMapUrl(window.location.href, query)} target="_blank" rel="noopener">
      {t('embed.fullMap')}<span className="visuellement-cache">{t('detail.newTab')}</span>
    </a>
  );
}
