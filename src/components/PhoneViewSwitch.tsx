import { useAppStore } from '../store/appStore';
import { selectMatchedCount } from '../store/selectors';
import { formatNumber } from '../domain/presentation';
import { useT } from './hooks';

export type PhoneView = 'carte' | 'liste';

/**
 * "Carte / Filtres et liste" switch of the phone layout (hidden on wider screens by CSS): the map
 * fills the screen, or the panel does. The pressed button is the view on screen; while a detail is
 * open (a sheet over the map) neither is, and either closes the detail.
 */
export function PhoneViewSwitch({ shown, onShow }: { shown: PhoneView | null; onShow: (view: PhoneView) => void }) {
  const count = useAppStore(selectMatchedCount);
  const { t, lang } = useT();
  return (
    <nav className="bascule-telephone" aria-label={t('phone.nav')}>
      <button type="button" aria-pressed={shown === 'carte'} onClick={() => onShow('carte')}>{t('phone.map')}</button>
      <button type="button" aria-pressed={shown === 'liste'} onClick={() => onShow('liste')}>
        {t('phone.list')} {count !== null && <span className="bascule-compte">({formatNumber(count, lang)})</span>}
      </button>
    </nav>
  );
}
