import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataMeta } from '../domain/types';
import { DEFAULT_ATTRIBUTIONS, defaultMeta, localDate, validateFeatureCollection, validateMeta } from './validateMeta';

const good = { exemple: true, date_donnees: '2009-12-31', attributions: ['Communes : GeoNames (CC BY 4.0)'] };

describe('validateMeta', () => {
  it('accepts a complete meta file', () => {
    expect(validateMeta(JSON.stringify(good), 'meta.json')).toEqual({ value: good, diagnostics: [] });
  });

  it('points at the line of a bad key', () => {
    const text = JSON.stringify({ ...good, date_donnees: '31/12/2009' }, null, 2);
    const { value, diagnostics } = validateMeta(text, 'meta.json');
    expect(value).toBeUndefined();
    expect(diagnostics).toEqual([{ severity: 'error', file: 'meta.json', line: 3, column: 3, message: expect.stringMatching(/date_donnees/u) }]);
  });

  it('reports each wrong field', () => {
    const { diagnostics } = validateMeta('{"exemple": "oui", "date_donnees": "2009-02-30", "attributions": []}', 'm');
    expect(diagnostics.map((d) => d.message.split(' ')[0])).toEqual(['«', '«', '«']);
    expect(diagnostics).toHaveLength(3);
  });

  it('accepts the organisers\' address for propositions, and locates a wrong one', () => {
    const meta = (address: string) => JSON.stringify({ ...good, courriel_propositions: address }, null, 2);
    expect(validateMeta(meta('route@exemple.fr'), 'meta.json').value?.courriel_propositions).toBe('route@exemple.fr');
    expect(validateMeta(JSON.stringify(good), 'meta.json').value).not.toHaveProperty('courriel_propositions');
    const { diagnostics } = validateMeta(meta('route-exemple.fr'), 'meta.json');
    expect(diagnostics).toEqual([{ severity: 'error', file: 'meta.json', line: 7, column: 3, message: expect.stringMatching(/« courriel_propositions » doit être une adresse électronique/u) }]);
  });

  it('locates JSON syntax errors', () => {
    const { diagnostics } = validateMeta('{\n  "exemple": true,\n}', 'meta.json');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 3, message: expect.stringMatching(/JSON invalide/u) });
  });
});

describe('validateFeatureCollection', () => {
  it('accepts a FeatureCollection and rejects anything else', () => {
    expect(validateFeatureCollection('{"type":"FeatureCollection","features":[]}', 'p').diagnostics).toEqual([]);
    expect(validateFeatureCollection('{"type":"Feature"}', 'p').diagnostics[0]?.message).toMatch(/FeatureCollection/u);
  });
});

describe('defaultMeta (no meta.json)', () => {
  it('is real data dated by the given day, with the attributions data/meta.json lists', () => {
    const shipped = JSON.parse(readFileSync(path.resolve(__dirname, '../../data/meta.json'), 'utf8')) as DataMeta;
    expect(DEFAULT_ATTRIBUTIONS).toEqual(shipped.attributions);
    expect(defaultMeta(new Date(2024, 2, 5, 23, 59))).toEqual({ exemple: false, date_donnees: '2024-03-05', attributions: shipped.attributions });
    expect(validateMeta(JSON.stringify(defaultMeta(new Date(2009, 0, 1))), 'm').diagnostics).toEqual([]);
  });
  it('dates by the local calendar day', () => {
    expect(localDate(new Date(2009, 11, 31, 0, 0, 1))).toBe('2009-12-31');
  });
});
