import { useEffect, useState } from 'react';
import { useAppStore } from '../store/appStore';
import { selectMatchedCount } from '../store/selectors';

type Part = 'carte' | 'liste';

const NUMBER = new Intl.NumberFormat('fr-FR');

/**
 * "Carte / Liste" switch of the phone layout (hidden on wider screens by CSS): the map fills the
 * screen and the panel follows it in the same scrolling area; each button brings its part into
 * view, and the pressed one is the part on screen now.
 */
export function PhoneViewSwitch({ scroller }: { scroller: () => HTMLElement | null }) {
  const [shown, setShown] = useState<Part>('carte');
  const count = useAppStore(selectMatchedCount);

  useEffect(() => {
    const area = scroller();
    const panel = document.getElementById('panneau');
    if (!area || !panel) return;
    // The list counts as shown once the panel covers half of the scrolling area.
    const update = () => setShown(panel.offsetTop - area.scrollTop < area.clientHeight / 2 ? 'liste' : 'carte');
    update();
    area.addEventListener('scroll', update, { passive: true });
    return () => area.removeEventListener('scroll', update);
  }, [scroller]);

  const show = (part: Part) => {
    const area = scroller();
    const panel = document.getElementById('panneau');
    if (!area || !panel) return;
    area.scrollTo({ top: part === 'carte' ? 0 : panel.offsetTop, behavior: 'smooth' });
  };

  return (
    <nav className="bascule-telephone" aria-label="Afficher la carte ou la liste">
      <button type="button" aria-pressed={shown === 'carte'} onClick={() => show('carte')}>Carte</button>
      <button type="button" aria-pressed={shown === 'liste'} onClick={() => show('liste')}>
        Filtres et liste {count !== null && <span className="bascule-compte">({NUMBER.format(count)})</span>}
      </button>
    </nav>
  );
}
