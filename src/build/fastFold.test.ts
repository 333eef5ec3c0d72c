import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldText } from '../domain/normalize';
import { fastFold } from './fastFold';

/** Characters of every kind the table handles, and some it hands to foldText. */
const chars = [
  ...Array.from({ length: 0x370 }, (_, c) => String.fromCharCode(c)),
  ...'‐‑‒–—―‘’‚‛“”„‟†‡•…‰′″‹›€™', '\u2003', '\u3000', '\ufeff', '\u00a0',
  'Σ', 'ς', 'ﬁ', 'Ꭰ', '𝄞', '中', '\u1dc0', 'ẞ', 'İ',
];

describe('fastFold', () => {
  it('is foldText on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...chars), maxLength: 40 }), (s) => {
      expect(fastFold(s)).toBe(foldText(s));
    }), { numRuns: 20_000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
      expect(fastFold(s)).toBe(foldText(s));
    }), { numRuns: 5_000 });
  });

  it('folds French text', () => {
    expect(fastFold('  Cœur  NUMÉRIQUE —\n l’Haÿ-les-Roses ')).toBe('coeur numerique — l’hay-les-roses');
    expect(fastFold('e\u0301 \u0301 À')).toBe('e a');
  });
});
