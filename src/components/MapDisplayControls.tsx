import { useAppStore } from '../store/appStore';
import { DEFAULT_TOKENS } from '../map/tokens';
import type { MapDisplay } from '../map/model';
import { useT } from './hooks';
import './visualisation.css';

const CHOICES: readonly { value: MapDisplay; label: 'legend.points' | 'legend.density' }[] = [
  { value: 'grappes', label: 'legend.points' },
  { value: 'densite', label: 'legend.density' },
];

/** Points and clusters, or a density heatmap: two radio buttons in the map's legend strip. */
export function DisplayToggle() {
  const display = useAppStore((s) => s.mapDisplay);
  const setMapDisplay = useAppStore((s) => s.setMapDisplay);
  const { t } = useT();
  return (
    <fieldset className="affichage-carte">
      <legend>{t('legend.display')}</legend>
      {CHOICES.map((c) => (
        <label key={c.value}>
          <input type="radio" name="affichage-carte" value={c.value} checked={display === c.value} onChange={() => setMapDisplay(c.value)} />
          {t(c.label)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The density view's own legend: its colour ramp, and what it measures. Colours are relative to the
 * biggest group in view, so the legend says "more" and "fewer", not numbers.
 */
export function DensityLegend() {
  const ramp = ['rgb(198 219 239 / 0%)', ...DEFAULT_TOKENS.densite].join(', ');
  const { t } = useT();
  return (
    <div className="legende-groupe legende-densite">
      <span className="legende-titre">{t('legend.densityTitle')}</span>
      <span className="densite-extremite">{t('legend.fewer')}</span>
      <span className="densite-degrade" style={{ backgroundImage: `linear-gradient(to right, ${ramp})` }} aria-hidden="true" />
      <span className="densite-extremite">{t('legend.more')}</span>
    </div>
  );
}
