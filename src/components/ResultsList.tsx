import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useAppStore } from '../store/appStore';
import { selectDepartements, selectMatchedRows, selectResultsCurrent } from '../store/selectors';
import { hasActiveFilters, queryWords } from '../domain/filters';
import type { VocabEntry } from '../domain/types';
import { departementLabel, formatCount } from '../domain/presentation';
import type { InnovationSource } from '../points/client';
import { useLoadedData, useRowsVersion, useT } from './hooks';
import './filters.css';
import { LaureatBadge } from './Trophees';

/** Fixed row height: exact sizes let the virtualiser place 100,000 rows without measuring them. */
export const ROW_HEIGHT = 54;
const PAGE = 8;

const optionId = (index: number) => `resultat-${index}`;

/**
 * The matching innovations as a list (the text alternative to the map): a listbox that is one tab
 * stop; arrows move, Enter selects. Only the visible rows exist in the DOM. The list scrolls with
 * the side panel (one scroll container, no list scrolling inside a panel that also scrolls);
 * `tools` (statistics, export) sit between the count and the rows.
 */
export function ResultsList({ tools }: { tools?: ReactNode }) {
  const data = useLoadedData();
  if (!data) return null;
  return <ResultsListOf source={data.innovations} themes={data.vocabulaires.themes} tools={tools} />;
}

/**
 * Where the list starts in its scroll container's content, kept up to date as what is above it
 * opens and folds (filter groups, chips, tools): the virtualiser counts rows from there.
 */
function useOffsetInScroller(list: HTMLElement | null): [HTMLElement | null, number] {
  const [offset, setOffset] = useState(0);
  const scroller = list?.closest<HTMLElement>('.panneau') ?? null;
  useLayoutEffect(() => {
    if (!list || !scroller) return;
    const measure = () => {
      const next = Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
      setOffset((before) => (before === next ? before : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    for (const child of scroller.children) observer.observe(child);
    const above = list.parentElement?.parentElement;
    if (above) for (const child of above.children) observer.observe(child);
    return () => observer.disconnect();
  }, [list, scroller]);
  return [scroller, offset];
}

function ResultsListOf({ source, themes, tools }: { source: InnovationSource; themes: readonly VocabEntry[]; tools?: ReactNode }) {
  useRowsVersion(source);
  const rowsOf = useAppStore(selectMatchedRows);
  const answered = useAppStore((s) => s.results !== null);
  const current = useAppStore(selectResultsCurrent);
  const departements = useAppStore(selectDepartements);
  const selection = useAppStore((s) => s.selection);
  const searching = useAppStore((s) => queryWords(s.filters.texte).length > 0);
  const filtered = useAppStore((s) => hasActiveFilters(s.filters));
  const select = useAppStore((s) => s.select);
  const hoverInnovation = useAppStore((s) => s.hoverInnovation);
  const resetFilters = useAppStore((s) => s.resetFilters);
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const [scroller, offset] = useOffsetInScroller(list);
  const [active, setActive] = useState(0);
  const w = useT();
  const { t } = w;

  // The app does not use the React Compiler; the virtualiser re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowsOf.length,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: offset,
  });

  const selectedId = selection?.kind === 'innovation' ? selection.id : null;
  const rows = virtualizer.getVirtualItems();
  const firstShown = rows[0]?.index ?? 0;
  const lastShown = rows.at(-1)?.index ?? -1;

  // The rows on screen (and those the overscan keeps ready) come in by chunks.
  useEffect(() => {
    if (lastShown >= firstShown) void source.loadRows(rowsOf.subarray(firstShown, lastShown + 1)).catch(() => undefined);
  }, [source, rowsOf, firstShown, lastShown]);

  // The innovation last opened (from the list, the map or a link) becomes the list's current row;
  // once back from its detail the list shows it, at the place the list was left when it is there.
  const [lastViewed, setLastViewed] = useState<string | null>(null);
  if (selectedId !== null && selectedId !== lastViewed) setLastViewed(selectedId);
  const lastViewedRow = lastViewed === null ? undefined : source.loadedRowOf(lastViewed);
  const lastViewedIndex = useMemo(
    () => (lastViewedRow === undefined ? -1 : rowsOf.indexOf(lastViewedRow)),
    [rowsOf, lastViewedRow],
  );
  // The selected innovation is the last viewed one (set just above, during this render).
  const selectedIndex = selectedId === null ? -1 : lastViewedIndex;
  const resultsShown = selection === null;
  useEffect(() => {
    if (selectedIndex >= 0) setActive(selectedIndex);
  }, [selectedIndex]);
  const shownBefore = useRef(resultsShown);
  /** Back from a detail, the last viewed row is still to be shown (its index may come later). */
  const revealPending = useRef(false);
  useEffect(() => {
    if (resultsShown && !shownBefore.current) revealPending.current = true;
    if (!resultsShown) revealPending.current = false;
    shownBefore.current = resultsShown;
    if (!revealPending.current || lastViewedIndex < 0 || !list || !scroller) return;
    revealPending.current = false;
    setActive(lastViewedIndex);
    // Measured now: the list was hidden until this commit, so the offset kept for it is stale.
    const top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop + lastViewedIndex * ROW_HEIGHT;
    if (top < scroller.scrollTop || top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = top - (scroller.clientHeight - ROW_HEIGHT) / 2;
    }
  }, [resultsShown, lastViewedIndex, list, scroller]);

  const count = rowsOf.length;
  const featureAt = (index: number) => {
    const row = rowsOf[index];
    return row === undefined ? undefined : source.row(row);
  };
  const activeIndex = Math.min(active, Math.max(count - 1, 0));

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    hoverInnovation(featureAt(next)?.properties.id ?? null);
  };

  const choose = (index: number) => {
    const feature = featureAt(index);
    if (feature) select({ kind: 'innovation', id: feature.properties.id });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      PageDown: () => moveTo(activeIndex + PAGE),
      PageUp: () => moveTo(activeIndex - PAGE),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => choose(activeIndex),
      ' ': () => choose(activeIndex),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  // Point assistive technology only at a row that exists (the wheel may have scrolled it away).
  const activeRendered = rows.some((row) => row.index === activeIndex);

  return (
    <section className="resultats" aria-labelledby="resultats-titre">
      <h2 id="resultats-titre" className="visuellement-cache">{t('results.title')}</h2>
      <p className="resultats-compte" role="status" data-count={current ? count : undefined} aria-busy={!current}>
        {answered ? formatCount(count, w) : t('results.searching')}
        {count > 1 && (
          <span className="resultats-tri">{t(searching ? 'results.byRelevance' : 'results.byPlace')}</span>
        )}
      </p>
      {tools && <div className="resultats-outils">{tools}</div>}
      {!answered ? null : count === 0 ? (
        <div className="resultats-vide">
          <p>{t('results.none')}</p>
          {filtered && <button type="button" onClick={resetFilters}>{t('results.reset')}</button>}
        </div>
      ) : (
        <div
          ref={setList}
          className="resultats-liste"
          role="listbox"
          tabIndex={0}
          aria-labelledby="resultats-titre"
          aria-activedescendant={activeRendered ? optionId(activeIndex) : undefined}
          onKeyDown={onKeyDown}
          onFocus={() => {
            // Arrows start from what is on screen, not from a row scrolled away with the wheel.
            if (activeRendered) return;
            const firstVisible = rows.find((row) => row.start >= (virtualizer.scrollOffset ?? 0) + offset) ?? rows[0];
            if (firstVisible) setActive(firstVisible.index);
          }}
          onMouseLeave={() => hoverInnovation(null)}
          onBlur={() => hoverInnovation(null)}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => {
              const feature = featureAt(row.index);
              if (!feature) {
                return (
                  <div
                    key={`attente-${row.index}`}
                    id={optionId(row.index)}
                    role="option"
                    aria-selected={false}
                    aria-setsize={count}
                    aria-posinset={row.index + 1}
                    className="resultats-ligne resultats-ligne-attente"
                    style={{ height: ROW_HEIGHT, transform: `translateY(${row.start - offset}px)` }}
                  >
                    <span className="resultats-ligne-titre">{t('results.loading')}</span>
                  </div>
                );
              }
              const p = feature.properties;
              const classes = ['resultats-ligne'];
              if (row.index === activeIndex) classes.push('resultats-ligne-active');
              if (p.id === selectedId) classes.push('resultats-ligne-choisie');
              else if (p.id === lastViewed) classes.push('resultats-ligne-vue');
              return (
                <div
                  key={p.id}
                  id={optionId(row.index)}
                  role="option"
                  aria-selected={p.id === selectedId}
                  aria-setsize={count}
                  aria-posinset={row.index + 1}
                  data-id={p.id}
                  className={classes.join(' ')}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${row.start - offset}px)` }}
                  onMouseEnter={() => hoverInnovation(p.id)}
                  onClick={() => {
                    setActive(row.index);
                    select({ kind: 'innovation', id: p.id });
                  }}
                >
                  <span className="resultats-ligne-titre">{p.trophee && <LaureatBadge trophee={p.trophee} />}{p.titre}</span>
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
