/**
 * Golden files (as Turf's tests do): each tests/fixtures/golden/<case>/in/ is a data folder, and
 * <case>/out/ holds, byte for byte, what `npm run data` writes from it, with what it prints
 * (sortie.txt). Files that only depend on the boundaries and the packaged gazetteer
 * (departements.geojson, departements-infos.json, insets.geojson, contexte.geojson, communes.json) are kept once,
 * in golden/commun/. Regenerate after an
 * intended change with
 *
 *   REGEN=1 npx vitest run tests/cli/golden.test.ts
 *
 * then read the diff (git diff tests/fixtures/golden) before committing it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../scripts/build-data';

const root = path.resolve(__dirname, '../..');
const golden = path.join(root, 'tests/fixtures/golden');
const SHARED = ['departements.geojson', 'departements-infos.json', 'insets.geojson', 'contexte.geojson', 'communes.json'];
/** The date written in report.json. */
const NOW = new Date('2009-04-23T09:00:00Z');
const regen = process.env.REGEN === '1';
const cases = readdirSync(golden).filter((name) => existsSync(path.join(golden, name, 'in')));
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'golden-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir`, by path relative to it. */
function filesUnder(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const [k, v] of filesUnder(full, `${prefix}${name}/`)) files.set(k, v);
    else files.set(`${prefix}${name}`, readFileSync(full));
  }
  return files;
}

/** What a build of `inDir` writes and prints; paths as seen from the repository root. */
async function produce(inDir: string, args: string[], name: string): Promise<Map<string, Buffer>> {
  const out = path.join(work, name, 'out');
  const lines: string[] = [];
  const dataDir = path.relative(root, inDir);
  const code = await main([...args, '--data-dir', dataDir, '--out', out, '--store', path.join(work, name, 'magasin')], {
    stdout: (l) => lines.push(`> ${l}`),
    stderr: (l) => lines.push(`! ${l}`),
  }, { now: NOW });
  const files = filesUnder(out);
  files.set('sortie.txt', Buffer.from(`${[...lines, `code de sortie : ${code}`].join('\n').replaceAll(out, '<sortie>')}\n`));
  return files;
}

/** Differences between expected and produced files, one line each (empty: identical). */
function differences(expected: Map<string, Buffer>, produced: Map<string, Buffer>): string[] {
  const diffs: string[] = [];
  for (const [file, bytes] of produced) {
    const want = expected.get(file);
    if (!want) diffs.push(`${file} : en trop`);
    else if (!want.equals(bytes)) {
      let at = 0;
      while (at < want.length && want[at] === bytes[at]) at += 1;
      diffs.push(`${file} : diffère à l'octet ${at}`);
    }
  }
  for (const file of expected.keys()) if (!produced.has(file)) diffs.push(`${file} : manquant`);
  return diffs;
}

function expectedOf(caseDir: string): Map<string, Buffer> {
  const expected = filesUnder(path.join(caseDir, 'out'));
  const produced = existsSync(path.join(caseDir, 'out', 'report.json'));
  if (produced) for (const [file, bytes] of filesUnder(path.join(golden, 'commun'))) expected.set(file, bytes);
  return expected;
}

function argsOf(caseDir: string): string[] {
  const file = path.join(caseDir, 'arguments');
  return existsSync(file) ? readFileSync(file, 'utf8').split(/\s+/u).filter(Boolean) : [];
}

describe('golden files', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of cases) {
    it(`${name} : the build writes exactly out/`, async () => {
      const caseDir = path.join(golden, name);
      const produced = await produce(path.join(caseDir, 'in'), argsOf(caseDir), name);
      if (regen) {
        rmSync(path.join(caseDir, 'out'), { recursive: true, force: true });
        for (const [file, bytes] of produced) {
          const shared = SHARED.includes(file);
          const target = shared ? path.join(golden, 'commun', file) : path.join(caseDir, 'out', file);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, bytes);
        }
      }
      expect(differences(expectedOf(caseDir), produced)).toEqual([]);
    });
  }

  it('fails on a one-character change of an expected file', async () => {
    const caseDir = path.join(golden, 'valides');
    const produced = await produce(path.join(caseDir, 'in'), [], 'valides-bis');
    const expected = expectedOf(caseDir);
    const rows = expected.get('innovations-0000.json')!;
    const changed = Buffer.from(rows);
    changed[20] = changed[20] === 0x61 ? 0x62 : 0x61;
    expected.set('innovations-0000.json', changed);
    expect(differences(expected, produced)).toEqual(['innovations-0000.json : diffère à l\'octet 20']);
  });

  it('fails on a one-character change of an input', async () => {
    const caseDir = path.join(golden, 'valides');
    const changed = path.join(work, 'valides-modifie');
    cpSync(path.join(caseDir, 'in'), changed, { recursive: true });
    const file = path.join(changed, 'etapes.csv');
    writeFileSync(file, readFileSync(file, 'latin1').replace('Les ENT', 'Les EXT'), 'latin1');
    const produced = await produce(changed, [], 'modifie');
    expect(differences(expectedOf(caseDir), produced)).toEqual(expect.arrayContaining(['etapes.geojson : diffère à l\'octet 228']));
  });
});
