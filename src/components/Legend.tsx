import { useState } from 'react';
import { useAppStore } from '../store/appStore';
import { selectLegendClasses } from '../store/selectors';
import { DEFAULT_TOKENS, shadeColour } from '../map/tokens';
import { DensityLegend, DisplayToggle } from './MapDisplayControls';
import { TourTrigger } from './TourReplay';
import { LaureatLegendItem } from './Trophees';

/**
 * Choropleth classes (recomputed with the filters) and the meaning of the map symbols, in a strip
 * under the map rather than over it, so it never hides an inset.
 */
export function Legend() {
  const classes = useAppStore(selectLegendClasses);
  // Folded at first on a phone, where the map needs the whole height; open elsewhere.
  const [open, setOpen] = useState(() => typeof window.matchMedia !== 'function' || !window.matchMedia('(max-width: 760px)').matches);
  const density = useAppStore((s) => s.mapDisplay === 'densite');
  return (
    <section className="legende" aria-labelledby="legende-titre" data-ouverte={open}>
      <h2 className="legende-entete">
        <button type="button" id="legende-titre" className="legende-bascule" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          <span className="bascule-fleche" aria-hidden="true" />
          Légende<span className="visuellement-cache"> de la carte</span>
        </button>
      </h2>
      <div className="legende-groupe">
        <span className="legende-titre">Innovations par département :</span>
        <ul className="legende-classes">
          {classes.map((c) => (
            <li key={c.teinte}>
              <span className="pastille" style={{ background: shadeColour(DEFAULT_TOKENS, c.teinte) }} aria-hidden="true" />
              {c.teinte === 0 ? 'aucune' : c.libelle}
            </li>
          ))}
        </ul>
      </div>
      {density && <DensityLegend />}
      <ul className="legende-symboles">
        {!density && <li><span className="symbole-innovation" aria-hidden="true" /> innovation (couleur de son 1er thème)</li>}
        {!density && <li><span className="symbole-grappe" aria-hidden="true">5</span> groupe d'innovations</li>}
        {!density && <LaureatLegendItem />}
        <li><span className="symbole-etape" aria-hidden="true">1</span> étape n° 1 de la tournée, reliée à son lieu</li>
        <li><span className="symbole-parcours" aria-hidden="true" /> sens du parcours</li>
        <li><span className="symbole-lieu" aria-hidden="true" /> commune (en zoomant)</li>
      </ul>
      <div className="legende-commandes">
        <DisplayToggle />
        <TourTrigger />
      </div>
    </section>
  );
}
