import { useAppStore } from '../store/appStore';
import { serializeUrlState } from '../store/urlState';
import { fullMapUrl } from '../domain/embed';

/** In the embedded map, the way to the full page, with the filters, selection and view of now. */
export function FullMapLink() {
  const query = useAppStore((s) => serializeUrlState({
    filters: s.filters, selection: s.selection, view: s.view, ...(s.edition !== null ? { edition: s.edition } : {}),
  }));
  return (
    <a className="lien-carte-en-grand" href={fullMapUrl(window.location.href, query)} target="_blank" rel="noopener">
      Ouvrir la carte en grand<span className="visuellement-cache"> (nouvel onglet)</span>
    </a>
  );
}
