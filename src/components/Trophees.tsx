import { useAppStore } from '../store/appStore';
import { selectLaureatCount } from '../store/selectors';
import { formatCount, formatNumber, tropheeBadge, tropheeLabel } from '../domain/presentation';
import type { Trophee } from '../domain/types';
import { useLoadedData, useT } from './hooks';
import './contributions.css';

/**
 * A laureate's distinction: "Lauréat 2009" in a list row, the full prize and category in a detail.
 * The star is decoration; the words say it.
 */
export function LaureatBadge({ trophee, full = false }: { trophee: Trophee; full?: boolean }) {
  const w = useT();
  return (
    <span className={full ? 'badge-laureat badge-laureat-complet' : 'badge-laureat'} title={full ? undefined : tropheeLabel(trophee, w)}>
      <span className="badge-laureat-etoile" aria-hidden="true">★</span>
      {full ? tropheeLabel(trophee, w) : tropheeBadge(trophee, w)}
      {!full && <span className="visuellement-cache">, </span>}
    </span>
  );
}

/**
 * "Lauréats des Trophées": keeps only the laureates, with how many there are among the other
 * filters' results. Shown when the data has laureates (or a link asked for them).
 */
export function LaureatFilter() {
  const data = useLoadedData();
  const laureats = useAppStore((s) => s.filters.laureats);
  const count = useAppStore(selectLaureatCount);
  const setFilters = useAppStore((s) => s.setFilters);
  const w = useT();
  if (!data || (data.innovations.laureats === 0 && !laureats)) return null;
  return (
    <div className="filtres-laureats">
      <input
        id="filtre-laureats"
        type="checkbox"
        checked={laureats}
        onChange={(e) => setFilters({ laureats: e.target.checked })}
      />
      <label htmlFor="filtre-laureats" title={w.t('laureats.filterTitle')}>
        <span className="badge-laureat-etoile" aria-hidden="true">★</span>
        {w.t('laureats.filter')}
        <span className="filtres-compte" aria-hidden="true">{formatNumber(count, w.lang)}</span>
        <span className="visuellement-cache">({formatCount(count, w)})</span>
      </label>
    </div>
  );
}

/** The laureate's marker in the map's legend, when the data has laureates. */
export function LaureatLegendItem() {
  const data = useLoadedData();
  const { t } = useT();
  if (!data || data.innovations.laureats === 0) return null;
  return <li><span className="symbole-laureat" aria-hidden="true" /> {t('laureats.legend')}</li>;
}
