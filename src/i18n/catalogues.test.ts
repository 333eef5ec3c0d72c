import { describe, expect, it } from 'vitest';
import { loadLanguage, wording } from '.';
import { en } from './en';
import { fr, type Catalogue } from './fr';

/** Every key of a catalogue, dotted ("filters.themes"), with its text. */
function entries(catalogue: object, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : entries(value as object, `${prefix}${key}.`));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/gu)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(entries(en).map(([k]) => k).sort()).toEqual(entries(fr).map(([k]) => k).sort());
  });

  it('fill every text, each with the same values to interpolate in both languages', () => {
    const english = new Map(entries(en));
    // The pages' note "in French only" has nothing to say in French.
    const emptyInFrench = new Set(['pages.frenchOnly']);
    for (const [key, text] of entries(fr)) {
      if (!emptyInFrench.has(key)) expect(text.trim(), key).not.toBe('');
      expect(english.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('are typed by the French one: a key missing in English fails the typecheck', () => {
    const { document: _left, ...incomplete } = en;
    // @ts-expect-error — `document` is missing: npm run typecheck fails on such a catalogue.
    const missing: Catalogue = incomplete;
    // @ts-expect-error — a key the French catalogue does not have fails too.
    const extra: Catalogue = { ...en, header: { ...en.header, extra: 'Extra' } };
    expect([missing, extra]).toHaveLength(2);
  });

  it('give the words of each language through i18next, English once its catalogue is fetched', async () => {
    expect(wording('en').t('filters.themes')).toBe('Thèmes');
    await loadLanguage('en');
    expect(wording('fr').t('filters.themes')).toBe('Thèmes');
    expect(wording('en').t('filters.themes')).toBe('Themes');
    expect(wording('en').t('export.printHelp', { max: 1500 })).toContain('1,500 rows');
    expect(wording('fr').t('export.printHelp', { max: 1500 })).toContain('1\u202f500 lignes');
    expect(wording('fr').t('detail.hidden', { count: 1 })).toBe(' (1 masquée par les filtres)');
    expect(wording('fr').t('detail.hidden', { count: 3 })).toBe(' (3 masquées par les filtres)');
  });
});
