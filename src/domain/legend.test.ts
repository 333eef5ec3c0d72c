import { describe, expect, it } from 'vitest';
import { classForCount, countsForCodes, legendClasses, legendLabel, SHADE_COUNT } from './legend';
import { loadLanguage, wording } from '../i18n';

// The English catalogue is a chunk of its own in the app: fetched once here.
await loadLanguage('en');

describe('legendClasses', () => {
  it('has only the zero class when no department has an innovation', () => {
    expect(legendClasses([0, 0, 0])).toEqual([{ min: 0, max: 0, teinte: 0 }]);
  });

  it('gives each distinct count its own class when there are few, the last one darkest', () => {
    const classes = legendClasses([0, 1, 1, 3]);
    expect(classes.map((c) => legendLabel(c, wording('fr')))).toEqual(['aucune', '1', '2 à 3']);
    expect(classes.map((c) => legendLabel(c, wording('en')))).toEqual(['none', '1', '2 to 3']);
    expect(classes.map((c) => c.teinte)).toEqual([0, 3, 5]);
  });

  it('splits many counts into at most SHADE_COUNT contiguous ranges covering 1…max', () => {
    const counts = Array.from({ length: 100 }, (_, i) => i % 37);
    const classes = legendClasses(counts);
    const positive = classes.slice(1);
    expect(positive.length).toBe(SHADE_COUNT);
    expect(positive[0]!.min).toBe(1);
    expect(positive[positive.length - 1]!.max).toBe(36);
    for (let i = 1; i < positive.length; i++) expect(positive[i]!.min).toBe(positive[i - 1]!.max + 1);
    expect(new Set(positive.map((c) => c.teinte)).size).toBe(positive.length);
  });

  it('puts about as many departments in each positive class (quantiles)', () => {
    const counts = [...Array(50).fill(1), ...Array(25).fill(2), ...Array(25).fill(100)];
    const classes = legendClasses(counts, 3);
    expect(classes.slice(1).map((c) => [c.min, c.max])).toEqual([[1, 1], [2, 2], [3, 100]]);
  });

  it('does not mutate its input', () => {
    const counts = Object.freeze([5, 0, 2, 9]);
    legendClasses(counts);
    expect(counts).toEqual([5, 0, 2, 9]);
  });
});

describe('classForCount', () => {
  it('finds the class holding a count, and the zero class for 0', () => {
    const classes = legendClasses([0, 1, 2, 5, 8, 13, 21, 34]);
    expect(classForCount(0, classes).teinte).toBe(0);
    for (const n of [1, 2, 5, 8, 13, 21, 34]) {
      const c = classForCount(n, classes);
      expect(n).toBeGreaterThanOrEqual(c.min);
      expect(n).toBeLessThanOrEqual(c.max);
    }
  });
});

describe('countsForCodes', () => {
  it('fills in zero for departments absent from the counts', () => {
    expect(countsForCodes(['01', '02', '974'], new Map([['974', 3]]))).toEqual([0, 0, 3]);
  });
});
