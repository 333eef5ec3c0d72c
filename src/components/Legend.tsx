import { useState } from 'react';
import { useAppStore } from '../store/appStore';
import { selectLegendClasses } from '../store/selectors';
import { legendLabel } from '../domain/legend';
import { useT } from './hooks';
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
  const w = useT();
  const { t } = w;
  return (
    <section className="legende" aria-labelledby="legende-titre" data-ouverte={open}>
      <h2 className="legende-entete">
        <button type="button" id="legende-titre" className="legende-bascule" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          <span className="bascule-fleche" aria-hidden="true" />
          {t('legend.title')}<span className="visuellement-cache">{t('legend.titleRest')}</span>
        </button>
      </h2>
      <div className="legende-groupe">
        <span className="legende-titre">{t('legend.byDepartement')}</span>
        <ul className="legende-classes">
          {classes.map((c) => (
            <li key={c.teinte}>
              <span className="pastille" style={{ background: shadeColour(DEFAULT_TOKENS, c.teinte) }} aria-hidden="true" />
              {legendLabel(c, w)}
            </li>
          ))}
        </ul>
      </div>
      {density && <DensityLegend />}
      <ul className="legende-symboles">
        {!density && <li><span className="symbole-innovation" aria-hidden="true" /> {t('legend.innovation')}</li>}
        {!density && <li><span className="symbole-grappe" aria-hidden="true">5</span> {t('legend.cluster')}</li>}
        {!density && <LaureatLegendItem />}
        <li><span className="symbole-etape" aria-hidden="true">1</span> {t('legend.stop')}</li>
        <li><span className="symbole-parcours" aria-hidden="true" /> {t('legend.route')}</li>
        <li><span className="symbole-lieu" aria-hidden="true" /> {t('legend.place')}</li>
      </ul>
      <div className="legende-commandes">
        <DisplayToggle />
        <TourTrigger />
      </div>
    </section>
  );
}
