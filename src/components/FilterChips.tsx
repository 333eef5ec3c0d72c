import { useMemo } from 'react';
import { useAppStore } from '../store/appStore';
import { selectDepartements } from '../store/selectors';
import { filterChips } from '../domain/filterLabels';
import { useLoadedData, useT } from './hooks';

/** Active filters as removable chips, and "Réinitialiser" to clear them all. */
export function FilterChips() {
  const data = useLoadedData();
  const filters = useAppStore((s) => s.filters);
  const departements = useAppStore(selectDepartements);
  const setFilters = useAppStore((s) => s.setFilters);
  const resetFilters = useAppStore((s) => s.resetFilters);
  const w = useT();
  const chips = useMemo(
    () => (data ? filterChips(filters, data.vocabulaires, departements, w) : []),
    [data, filters, departements, w],
  );
  if (chips.length === 0) return null;
  return (
    <div className="filtres-actifs">
      <h3 className="visuellement-cache">{w.t('filters.activeTitle')}</h3>
      <ul className="filtres-puces">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              className="filtre-puce"
              aria-label={w.t('filters.remove', { label: chip.label })}
              onClick={() => setFilters(chip.remove)}
            >
              <span>{chip.label}</span>
              <span aria-hidden="true" className="filtre-puce-croix">×</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="filtres-reinitialiser" onClick={resetFilters}>
        {w.t('filters.reset')}
      </button>
    </div>
  );
}
