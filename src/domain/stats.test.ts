import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters, type VocabEntry } from './types';
import { UNKNOWN_YEAR } from './filters';

const FR = wording('fr');
const EN = wording('en');
import { loadLanguage, wording } from '../i18n';
import { barName, chartLayout, CHART_LAYOUT, fitText, NEUTRAL_BAR, regionChart, toggleBar, vocabularyChart, yearChart } from './stats';

// The English catalogue is a chunk of its own in the app: fetched once here.
await loadLanguage('en');

const THEMES: readonly VocabEntry[] = Object.freeze([
  { id: 'ent', libelle: 'ENT', couleur: '#332288' },
  { id: 'telesante', libelle: 'Télésanté', couleur: '#CC6677' },
  { id: 'tourisme', libelle: 'Tourisme', couleur: '#DDCC77' },
]);
const filters = (patch: Partial<Filters> = {}): Filters => Object.freeze({ ...EMPTY_FILTERS, ...patch });
/** Seven pixels a character: an estimate of the browser's measure, enough to test the layout. */
const measure = (text: string) => text.length * 7;

describe('vocabulary charts', () => {
  it('gives one bar per value counted, most innovations first, in the vocabulary colour', () => {
    const chart = vocabularyChart('themes', THEMES, new Map([['ent', 2], ['telesante', 5]]), [], FR);
    expect(chart.titre).toBe('Innovations par thème');
    expect(chart.bars.map((b) => [b.key, b.count, b.couleur])).toEqual([['telesante', 5, '#CC6677'], ['ent', 2, '#332288']]);
  });

  it('keeps a ticked value even at zero, marked selected', () => {
    const chart = vocabularyChart('secteurs', THEMES, new Map([['ent', 2]]), ['tourisme'], FR);
    expect(chart.bars.map((b) => [b.key, b.count, b.selected])).toEqual([['ent', 2, false], ['tourisme', 0, true]]);
  });

  it('breaks ties by vocabulary order', () => {
    const chart = vocabularyChart('themes', THEMES, new Map([['tourisme', 1], ['ent', 1]]), [], FR);
    expect(chart.bars.map((b) => b.key)).toEqual(['ent', 'tourisme']);
  });
});

describe('region chart', () => {
  it('names regions, sorts by count then name, and marks the chosen one', () => {
    const regions = new Map([['53', 'Bretagne'], ['84', 'Auvergne-Rhône-Alpes'], ['94', 'Corse']]);
    const chart = regionChart(regions, new Map([['53', 3], ['84', 3]]), '53', FR);
    expect(chart.bars.map((b) => [b.libelle, b.count, b.selected, b.couleur])).toEqual([
      ['Auvergne-Rhône-Alpes', 3, false, NEUTRAL_BAR], ['Bretagne', 3, true, NEUTRAL_BAR],
    ]);
  });
});

describe('year chart', () => {
  const counts = new Map([[2005, 2], [2008, 1], [UNKNOWN_YEAR, 4]]);

  it('shows every year from the first to the last, gaps included, then the unknown years', () => {
    const chart = yearChart(counts, filters(), FR);
    expect(chart.bars.map((b) => [b.libelle, b.count])).toEqual([['2005', 2], ['2006', 0], ['2007', 0], ['2008', 1], ['Année inconnue', 4]]);
    expect(chart.bars.at(-1)!.toggles).toBe(false);
  });

  it('emphasises the years within the range, and selects a year that is the whole range', () => {
    const ranged = yearChart(counts, filters({ anneeMin: 2006 }), FR);
    expect(ranged.bars.filter((b) => b.emphasis).map((b) => b.key)).toEqual(['2006', '2007', '2008']);
    expect(ranged.bars.some((b) => b.selected)).toBe(false);
    const alone = yearChart(counts, filters({ anneeMin: 2008, anneeMax: 2008 }), FR);
    expect(alone.bars.filter((b) => b.selected).map((b) => b.key)).toEqual(['2008']);
  });

  it('has no bar when nothing is counted', () => {
    expect(yearChart(new Map(), filters(), FR).bars).toEqual([]);
  });
});

describe('toggling a filter from a bar', () => {
  const regionOf = (d: string) => ({ '35': '53', '43': '84' })[d];

  it('ticks and unticks themes and sectors', () => {
    expect(toggleBar('themes', { key: 'ent', toggles: true }, filters({ themes: ['tourisme'] }), regionOf)).toEqual({ themes: ['tourisme', 'ent'] });
    expect(toggleBar('secteurs', { key: 'sante', toggles: true }, filters({ secteurs: ['sante'] }), regionOf)).toEqual({ secteurs: [] });
  });

  it('chooses a region, clearing a department outside it, and clears the region chosen', () => {
    expect(toggleBar('regions', { key: '53', toggles: true }, filters({ departement: '43' }), regionOf)).toEqual({ region: '53', departement: null });
    expect(toggleBar('regions', { key: '53', toggles: true }, filters({ departement: '35' }), regionOf)).toEqual({ region: '53', departement: '35' });
    expect(toggleBar('regions', { key: '53', toggles: true }, filters({ region: '53', departement: '35' }), regionOf)).toEqual({ region: null, departement: '35' });
  });

  it('makes a year the whole range, and clears the range when it was that year alone', () => {
    expect(toggleBar('annees', { key: '2008', toggles: true }, filters({ anneeMin: 2005 }), regionOf)).toEqual({ anneeMin: 2008, anneeMax: 2008 });
    expect(toggleBar('annees', { key: '2008', toggles: true }, filters({ anneeMin: 2008, anneeMax: 2008 }), regionOf)).toEqual({ anneeMin: null, anneeMax: null });
  });

  it('does nothing for a bar that toggles nothing', () => {
    expect(toggleBar('annees', { key: '', toggles: false }, filters(), regionOf)).toBeNull();
  });
});

describe('accessible names', () => {
  it('start with the text drawn (value and count in French), then say what a click does', () => {
    const chart = vocabularyChart('themes', THEMES, new Map([['ent', 1234]]), ['ent'], FR);
    expect(barName(chart, chart.bars[0]!, FR)).toBe(`ENT ${(1234).toLocaleString('fr-FR')} innovations ; retirer le filtre sur ce thème`);
    const years = yearChart(new Map([[2009, 1], [UNKNOWN_YEAR, 2]]), filters(), FR);
    expect(barName(years, years.bars[0]!, FR)).toBe('2009 1 innovation ; filtrer sur cette année seule');
    expect(barName(years, years.bars[1]!, FR)).toBe('Année inconnue 2 innovations');
    const english = yearChart(new Map([[2009, 1], [UNKNOWN_YEAR, 2]]), filters(), EN);
    expect(english.titre).toBe('Innovations per year');
    expect(barName(english, english.bars[0]!, EN)).toBe('2009 1 innovation; filter on this year alone');
    expect(barName(english, english.bars[1]!, EN)).toBe('Unknown year 2 innovations');
  });
});

describe('chart layout', () => {
  const chart = vocabularyChart('themes', THEMES, new Map([['ent', 10], ['telesante', 5], ['tourisme', 1]]), [], FR);

  it('stacks one row per bar and scales the longest bar to the width left after its count', () => {
    const layout = chartLayout(chart.bars, 300, measure);
    expect(layout.height).toBe(CHART_LAYOUT.top * 2 + 3 * CHART_LAYOUT.rowHeight);
    expect(layout.rows.map((r) => r.y)).toEqual([4, 40, 76]);
    const room = 300 - (measure('10') + CHART_LAYOUT.countGap + 2);
    expect(layout.rows[0]!.barWidth).toBeCloseTo(room);
    expect(layout.rows[1]!.barWidth).toBeCloseTo(room / 2);
    expect(layout.rows[0]!.countX + measure('10')).toBeLessThanOrEqual(300);
  });

  it('never draws a counted bar thinner than 2 px, nor a zero bar at all', () => {
    const bars = [{ ...chart.bars[0]!, count: 100_000 }, { ...chart.bars[1]!, count: 1 }, { ...chart.bars[2]!, count: 0 }];
    expect(chartLayout(bars, 200, measure).rows.map((r) => r.barWidth).slice(1)).toEqual([2, 0]);
  });

  it('shortens labels that do not fit, with an ellipsis, leaving room for the mark of emphasised ones', () => {
    expect(fitText('Haut débit et aménagement numérique rural', 140, measure)).toBe('Haut débit et aména…');
    expect(fitText('Haut débit et aménagement', 98, measure)).toBe('Haut débit et…');
    expect(fitText('Court', 140, measure)).toBe('Court');
    const ticked = vocabularyChart('themes', THEMES, new Map([['ent', 1]]), ['ent'], FR);
    expect(chartLayout(ticked.bars, 300, measure).rows[0]!.label).toBe('ENT');
    const long = vocabularyChart('themes', [{ id: 'x', libelle: 'Haut débit et aménagement', couleur: '#000' }], new Map(), ['x'], FR);
    expect(chartLayout(long.bars, 98 + 14, measure).rows[0]!.label).toBe('Haut débit et…');
  });

  it('does not mutate the bars it lays out', () => {
    const frozen = Object.freeze(chart.bars.map((b) => Object.freeze({ ...b })));
    expect(() => chartLayout(frozen, 300, measure)).not.toThrow();
  });
});
