import { useAppStore } from '../store/appStore';
import { DEFAULT_TOKENS } from '../map/tokens';
import type { MapDisplay } from '../map/model';
import './visualisation.css';

const CHOICES: readonly { value: MapDisplay; label: string }[] = [
  { value: 'grappes', label: 'Points' },
  { value: 'densite', label: 'Densité' },
];

/** Points and clusters, or a density heatmap: two radio buttons in the map's legend strip. */
export function DisplayToggle() {
  const display = useAppStore((s) => s.mapDisplay);
  const setMapDisplay = useAppStore((s) => s.setMapDisplay);
  return (
    <fieldset className="affichage-carte">
      <legend>Innovations :</legend>
      {CHOICES.map((c) => (
        <label key={c.value}>
          <input type="radio" name="affichage-carte" value={c.value} checked={display === c.value} onChange={() => setMapDisplay(c.value)} />
          {c.label}
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
  return (
    <div className="legende-groupe legende-densite">
      <span className="legende-titre">Densité d'innovations dans la vue :</span>
      <span className="densite-extremite">moins</span>
      <span className="densite-degrade" style={{ backgroundImage: `linear-gradient(to right, ${ramp})` }} aria-hidden="true" />
      <span className="densite-extremite">plus</span>
    </div>
  );
}
