import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useAppStore } from '../store/appStore';
import { selectDepartements, selectFilteredInnovations } from '../store/selectors';
import { hasActiveFilters, queryWords } from '../domain/filters';
import type { VocabEntry } from '../domain/types';
import { departementLabel, formatCount } from '../domain/presentation';
import { useLoadedData } from './hooks';
import './filters.css';

/** Fixed row height: exact sizes let the virtualiser place 100,000 rows without measuring them. */
export const ROW_HEIGHT = 64;
const PAGE = 8;

const optionId = (index: number) => `resultat-${index}`;

/**
 * The matching innovations as a list (the text alternative to the map): a listbox that is one tab
 * stop; arrows move, Enter selects. Only the visible rows exist in the DOM.
 */
export function ResultsList() {
  const data = useLoadedData();
  const innovations = useAppStore(selectFilteredInnovations);
  const departements = useAppStore(selectDepartements);
  const selection = useAppStore((s) => s.selection);
  const searching = useAppStore((s) => queryWords(s.filters.texte).length > 0);
  const filtered = useAppStore((s) => hasActiveFilters(s.filters));
  const select = useAppStore((s) => s.select);
  const hoverInnovation = useAppStore((s) => s.hoverInnovation);
  const resetFilters = useAppStore((s) => s.resetFilters);
  const listRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  // The app does not use the React Compiler; the virtualiser re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: innovations.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });

  const selectedId = selection?.kind === 'innovation' ? selection.id : null;
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : innovations.findIndex((f) => f.properties.id === selectedId)),
    [innovations, selectedId],
  );

  // A selection made on the map (or restored from a link) brings its row into view.
  useEffect(() => {
    if (selectedIndex < 0) return;
    setActive(selectedIndex);
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const current = Math.min(active, Math.max(innovations.length - 1, 0));

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(innovations.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    hoverInnovation(innovations[next]?.properties.id ?? null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (innovations.length === 0) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(current + 1),
      ArrowUp: () => moveTo(current - 1),
      PageDown: () => moveTo(current + PAGE),
      PageUp: () => moveTo(current - PAGE),
      Home: () => moveTo(0),
      End: () => moveTo(innovations.length - 1),
      Enter: () => select({ kind: 'innovation', id: innovations[current]!.properties.id }),
      ' ': () => select({ kind: 'innovation', id: innovations[current]!.properties.id }),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  if (!data) return null;
  const themes = data.vocabulaires.themes;
  const rows = virtualizer.getVirtualItems();
  // Point assistive technology only at a row that exists (the wheel may have scrolled it away).
  const activeRendered = rows.some((row) => row.index === current);

  return (
    <section className="resultats" aria-labelledby="resultats-titre">
      <h2 id="resultats-titre" className="resultats-titre">Résultats</h2>
      <p className="resultats-compte" role="status" data-count={innovations.length}>
        {formatCount(innovations.length)}
        {innovations.length > 1 && (
          <span className="resultats-tri">{searching ? ', triées par pertinence' : ', triées par département puis titre'}</span>
        )}
      </p>
      {innovations.length === 0 ? (
        <div className="resultats-vide">
          <p>Aucune innovation ne correspond à ces filtres.</p>
          {filtered && <button type="button" onClick={resetFilters}>Réinitialiser les filtres</button>}
        </div>
      ) : (
        <div
          ref={listRef}
          className="resultats-liste"
          role="listbox"
          tabIndex={0}
          aria-labelledby="resultats-titre"
          aria-activedescendant={activeRendered ? optionId(current) : undefined}
          onKeyDown={onKeyDown}
          onFocus={() => {
            // Arrows start from what is on screen, not from a row scrolled away with the wheel.
            if (activeRendered) return;
            const firstVisible = rows.find((row) => row.start >= (virtualizer.scrollOffset ?? 0)) ?? rows[0];
            if (firstVisible) setActive(firstVisible.index);
          }}
          onMouseLeave={() => hoverInnovation(null)}
          onBlur={() => hoverInnovation(null)}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => {
              const p = innovations[row.index]!.properties;
              const classes = ['resultats-ligne'];
              if (row.index === current) classes.push('resultats-ligne-active');
              if (p.id === selectedId) classes.push('resultats-ligne-choisie');
              return (
                <div
                  key={p.id}
                  id={optionId(row.index)}
                  role="option"
                  aria-selected={p.id === selectedId}
                  aria-setsize={innovations.length}
                  aria-posinset={row.index + 1}
                  data-id={p.id}
                  className={classes.join(' ')}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                  onMouseEnter={() => hoverInnovation(p.id)}
                  onClick={() => {
                    setActive(row.index);
                    select({ kind: 'innovation', id: p.id });
                  }}
                >
                  <span className="resultats-ligne-titre">{p.titre}</span>
                  <span className="resultats-ligne-lieu">
                    <ThemeDots ids={p.themes} vocabulaire={themes} />
                    {departementLabel(p.departement, departements)}
                    {p.commune && ` · ${p.commune}`}
                    {p.annee !== null && ` · ${p.annee}`}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}

function ThemeDots({ ids, vocabulaire }: { ids: readonly string[]; vocabulaire: readonly VocabEntry[] }) {
  return (
    <span className="resultats-pastilles" aria-hidden="true">
      {ids.map((id) => (
        <span key={id} className="filtres-pastille" style={{ background: vocabulaire.find((v) => v.id === id)?.couleur ?? '#6b6b6b' }} />
      ))}
    </span>
  );
}
