import { useAppStore } from '../store/appStore';
import { selectMatchedCount } from '../store/selectors';

export type PhoneView = 'carte' | 'liste';

const NUMBER = new Intl.NumberFormat('fr-FR');

/**
 * "Carte / Filtres et liste" switch of the phone layout (hidden on wider screens by CSS): the map
 * fills the screen, or the panel does. The pressed button is the view on screen; while a detail is
 * open (a sheet over the map) neither is, and either closes the detail.
 */
export function PhoneViewSwitch({ shown, onShow }: { shown: PhoneView | null; onShow: (view: PhoneView) => void }) {
  const count = useAppStore(selectMatchedCount);
  return (
    <nav className="bascule-telephone" aria-label="Afficher la carte ou la liste">
      <button type="button" aria-pressed={shown === 'carte'} onClick={() => onShow('carte')}>Carte</button>
      <button type="button" aria-pressed={shown === 'liste'} onClick={() => onShow('liste')}>
        Filtres et liste {count !== null && <span className="bascule-compte">({NUMBER.format(count)})</span>}
      </button>
    </nav>
  );
}
