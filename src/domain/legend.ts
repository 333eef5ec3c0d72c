/**
 * Classes of the department choropleth, recomputed from the counts whenever the filters change.
 * Zero always has its own class (shade 0) so "no innovation" never looks like "a few"; positive
 * counts are split into at most `maxClasses` integer ranges by quantiles, so each shade holds
 * about as many departments as the next.
 */
import { formatNumber } from './presentation';
import type { Wording } from './types';

/** Number of shades available for positive counts (the style has one colour per shade). */
export const SHADE_COUNT = 5;

/** Counts from `min` to `max` inclusive, drawn with shade `teinte` (0 = zero class). */
export interface LegendClass {
  min: number;
  max: number;
  teinte: number;
}

/** The range of a class as the legend writes it: "aucune"/"none", "3", "2 à 4"/"2 to 4". */
export function legendLabel(c: Pick<LegendClass, 'min' | 'max' | 'teinte'>, w: Wording): string {
  if (c.teinte === 0) return w.t('legend.none');
  return c.min === c.max ? formatNumber(c.min, w.lang) : w.t('legend.range', { min: c.min, max: c.max });
}

/**
 * Legend classes for a set of per-department counts (one value per department, zeros included).
 * Always starts with the zero class; returns only that class when no count is positive.
 */
export function legendClasses(counts: Iterable<number>, maxClasses: number = SHADE_COUNT): LegendClass[] {
  const limit = Math.max(1, Math.min(Math.floor(maxClasses), SHADE_COUNT));
  const positives = [...counts].filter((n) => Number.isFinite(n) && n > 0).map(Math.floor).sort((a, b) => a - b);
  const classes: LegendClass[] = [{ min: 0, max: 0, teinte: 0 }];
  if (positives.length === 0) return classes;

  const distinct = [...new Set(positives)];
  let uppers: number[];
  if (distinct.length <= limit) {
    uppers = distinct;
  } else {
    const n = positives.length;
    const picked = new Set<number>();
    for (let i = 1; i <= limit; i++) picked.add(positives[Math.ceil((i * n) / limit) - 1]!);
    uppers = [...picked].sort((a, b) => a - b);
  }

  let min = 1;
  uppers.forEach((max, i) => {
    classes.push({ min, max, teinte: Math.round(((i + 1) * SHADE_COUNT) / uppers.length) });
    min = max + 1;
  });
  return classes;
}

/** The class a count falls in (counts above the last class go to the last one). */
export function classForCount(count: number, classes: readonly LegendClass[]): LegendClass {
  for (const c of classes) if (count <= c.max) return c;
  return classes[classes.length - 1]!;
}

/**
 * Counts for every department code, zero where the map has none, in the order of `codes`.
 * The choropleth needs the zeros: a department without innovations still gets a colour.
 */
export function countsForCodes(codes: readonly string[], counts: ReadonlyMap<string, number>): number[] {
  return codes.map((code) => counts.get(code) ?? 0);
}
