/**
 * The statistics view as data: one bar per theme, sector, region and year, from the facet counts
 * the points worker gives with every filter pass (the counts the filter panel shows, never counted
 * again), the filter a bar toggles, and where each bar goes in a horizontal bar chart. Pure: the
 * charts (src/components/stats) draw these, the unit tests check them in Node.
 */
import type { Filters, Lang, VocabEntry, Wording } from './types';
import { UNKNOWN_YEAR, yearInRange } from './filters';
import { formatCount, formatNumber, vocabLabel } from './presentation';

export type ChartKind = 'themes' | 'secteurs' | 'regions' | 'annees';

export interface ChartBar {
  /** Theme or sector id, region code, or year as text ('' for innovations without a year). */
  key: string;
  libelle: string;
  couleur: string;
  count: number;
  /** Whether the bar's filter is on (a ticked theme, the region, the range being this year alone): a click removes it. */
  selected: boolean;
  /** Whether the bar is drawn as chosen: selected, or a year within the range. */
  emphasis: boolean;
  /** Whether clicking the bar changes the filters (innovations without a year cannot be chosen). */
  toggles: boolean;
}

export interface ChartSeries {
  kind: ChartKind;
  /** What the chart shows, as its accessible name and heading. */
  titre: string;
  /** Header of the value column of its data table, and the word of a bar's name. */
  groupe: string;
  bars: ChartBar[];
}

/** Colour of bars that have no vocabulary colour (regions, years): 7:1 on white. */
export const NEUTRAL_BAR = '#3d5a73';
/** Bars of innovations without a year. */
export const UNKNOWN_YEAR_BAR = '#8a8a8a';

const byCountThenOrder = <T extends { count: number; order: number }>(a: T, b: T) => b.count - a.count || a.order - b.order;

/**
 * Bars of a vocabulary (themes or sectors), most innovations first. Values counted zero are left
 * out (they would only clutter the chart) unless ticked, so a ticked value always shows.
 */
export function vocabularyChart(
  kind: 'themes' | 'secteurs', entries: readonly VocabEntry[], counts: ReadonlyMap<string, number>, selected: readonly string[], w: Wording,
): ChartSeries {
  const bars = entries
    .map((e, order) => {
      const on = selected.includes(e.id);
      return { order, key: e.id, libelle: vocabLabel(e, w.lang), couleur: e.couleur, count: counts.get(e.id) ?? 0, selected: on, emphasis: on, toggles: true };
    })
    .filter((b) => b.count > 0 || b.selected)
    .sort(byCountThenOrder)
    .map(({ order: _order, ...bar }) => bar);
  return kind === 'themes'
    ? { kind, titre: w.t('stats.themes'), groupe: w.t('stats.themesGroup'), bars }
    : { kind, titre: w.t('stats.secteurs'), groupe: w.t('stats.secteursGroup'), bars };
}

/** Bars of the regions with innovations (and the chosen one), most first, ties by name. */
export function regionChart(regions: ReadonlyMap<string, string>, counts: ReadonlyMap<string, number>, selected: string | null, w: Wording): ChartSeries {
  const bars = [...regions]
    // Region names are French proper names, in every language: sorted the French way.
    .sort((a, b) => a[1].localeCompare(b[1], 'fr'))
    .map(([code, nom], order) => ({
      order, key: code, libelle: nom, couleur: NEUTRAL_BAR, count: counts.get(code) ?? 0, selected: code === selected, emphasis: code === selected, toggles: true,
    }))
    .filter((b) => b.count > 0 || b.selected)
    .sort(byCountThenOrder)
    .map(({ order: _order, ...bar }) => bar);
  return { kind: 'regions', titre: w.t('stats.regions'), groupe: w.t('stats.regionsGroup'), bars };
}

/**
 * Bars of the years, oldest first, every year between the first and the last (a year without
 * innovation is a gap worth seeing), then those without a year. Counts leave the year range out
 * (see FilterResult.yearCounts): the bars within the range are emphasised.
 */
export function yearChart(yearCounts: ReadonlyMap<number, number>, filters: Pick<Filters, 'anneeMin' | 'anneeMax'>, w: Wording): ChartSeries {
  const years = [...yearCounts.keys()].filter((y) => y !== UNKNOWN_YEAR);
  const ranged = filters.anneeMin !== null || filters.anneeMax !== null;
  const bars: ChartBar[] = [];
  if (years.length > 0) {
    const first = Math.min(...years);
    const last = Math.max(...years);
    for (let y = first; y <= last; y++) {
      bars.push({
        key: String(y), libelle: String(y), couleur: NEUTRAL_BAR, count: yearCounts.get(y) ?? 0,
        selected: filters.anneeMin === y && filters.anneeMax === y, emphasis: ranged && yearInRange(y, filters), toggles: true,
      });
    }
  }
  const unknown = yearCounts.get(UNKNOWN_YEAR) ?? 0;
  if (unknown > 0) bars.push({ key: '', libelle: w.t('stats.unknownYear'), couleur: UNKNOWN_YEAR_BAR, count: unknown, selected: false, emphasis: false, toggles: false });
  return { kind: 'annees', titre: w.t('stats.annees'), groupe: w.t('stats.anneesGroup'), bars };
}

/**
 * The filters after a click on a bar: a theme or sector is ticked or unticked; a region is chosen,
 * or cleared when it was (a department outside it is cleared too); a year becomes the whole range,
 * or the range is cleared when it was that year alone. Null when the bar toggles nothing.
 */
export function toggleBar(
  kind: ChartKind, bar: Pick<ChartBar, 'key' | 'toggles'>, filters: Filters, regionOf: (departement: string) => string | undefined,
): Partial<Filters> | null {
  if (!bar.toggles) return null;
  switch (kind) {
    case 'themes':
    case 'secteurs': {
      const list = filters[kind];
      return { [kind]: list.includes(bar.key) ? list.filter((v) => v !== bar.key) : [...list, bar.key] };
    }
    case 'regions': {
      const region = filters.region === bar.key ? null : bar.key;
      const keepDepartement = filters.departement !== null && (region === null || regionOf(filters.departement) === region);
      return { region, departement: keepDepartement ? filters.departement : null };
    }
    case 'annees': {
      const year = Number(bar.key);
      const alone = filters.anneeMin === year && filters.anneeMax === year;
      return alone ? { anneeMin: null, anneeMax: null } : { anneeMin: year, anneeMax: year };
    }
  }
}

/**
 * What a bar says to a screen reader: its value and count as drawn (the visible text starts the
 * name, WCAG 2.5.3), then what a click does.
 */
export function barName(series: ChartSeries, bar: ChartBar, w: Wording): string {
  const count = formatCount(bar.count, w);
  if (!bar.toggles) return `${bar.libelle} ${count}`;
  const what = w.t(series.kind === 'annees' ? 'stats.thisYear' : series.kind === 'regions' ? 'stats.thisRegion' : series.kind === 'themes' ? 'stats.thisTheme' : 'stats.thisSecteur');
  const action = bar.selected ? w.t('stats.removeFilter', { what }) : series.kind === 'annees' ? w.t('stats.filterAlone', { what }) : w.t('stats.filterOn', { what });
  return w.t('stats.barName', { label: bar.libelle, count, action });
}

/** Geometry of a horizontal bar chart: label above each bar, count after it. */
export const CHART_LAYOUT = Object.freeze({
  rowHeight: 36,
  labelBaseline: 14,
  barTop: 19,
  barHeight: 13,
  top: 4,
  countGap: 5,
  fontSize: 13,
});

/** Drawn before the label of an emphasised bar (a sign, not only a colour, says it is chosen). */
export const CHOSEN_MARK = '✓ ';

export interface BarLayout {
  bar: ChartBar;
  /** Top of the row. */
  y: number;
  /** The label, shortened with an ellipsis when it would not fit the width. */
  label: string;
  barWidth: number;
  countX: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  rows: BarLayout[];
}

/**
 * Where every bar goes for a chart `width` pixels wide. `measure` gives a text's width in pixels
 * at CHART_LAYOUT.fontSize (the browser measures; tests pass an estimate). Bars share one scale,
 * the longest reaching the width left after its count; a non-zero count is never thinner than 2 px.
 */
export function chartLayout(bars: readonly ChartBar[], width: number, measure: (text: string) => number, lang: Lang = 'fr'): ChartLayout {
  const { rowHeight, top, countGap } = CHART_LAYOUT;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const countRoom = measure(formatNumber(max, lang)) + countGap + 2;
  const scale = Math.max(0, width - countRoom) / max;
  const rows = bars.map((bar, k): BarLayout => {
    const barWidth = bar.count === 0 ? 0 : Math.max(2, bar.count * scale);
    return { bar, y: top + k * rowHeight, label: fitText(bar.libelle, width - (bar.emphasis ? measure(CHOSEN_MARK) : 0), measure), barWidth, countX: barWidth + countGap };
  });
  return { width, height: top * 2 + bars.length * rowHeight, rows };
}

/** `text`, or its longest start that fits `width` followed by an ellipsis. */
export function fitText(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}
