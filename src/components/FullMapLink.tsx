import { useAppStore } from '../store/appStore';
import { serializeUrlState, urlStateOf } from '../store/urlState';
import { fullMapUrl } from '../domain/embed';
import { useT } from './hooks';

/** In the embedded map, the way to the full page, with the filters, selection and view of now. */
export function FullMapLink() {
  const query = useAppStore((s) => serializeUrlState({ ...urlStateOf(s), integration: undefined }));
  const { t } = useT();
  return (
    <a className="lien-carte-en-grand" href={fullMapUrl(window.location.href, query)} target="_blank" rel="noopener">
      {t('embed.fullMap')}<span className="visuellement-cache">{t('detail.newTab')}</span>
    </a>
  );
}
