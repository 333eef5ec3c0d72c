/**
 * npm run bench:filter -- [--sizes 1000,10000,100000] [--toggles 10] [--fresh]
 *
 * How long a filter change takes to reach the screen: from the store's 'carto:filter-start' mark
 * to the map's next idle ('carto:filter' measure), in the built app, in headless Chromium, at
 * several sizes of synthetic data. Not a test: it prints medians for the README.
 *
 * Steps: build the app once (.bench/filtre/app); for each size, `npm run synth` then `npm run data`
 * into .bench/filtre/ (reused unless --fresh); serve the app with that size's data; tick and untick a theme
 * and a sector several times; read the measures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import type { Vocabulaires } from '../src/domain/types';
import { launchChromium, originOf, startStaticServer } from '../tests/support/browser';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A folder of its own: bench:data writes .bench/synth-N at the same time on a shared machine.
const benchDir = path.join(repoRoot, '.bench', 'filtre');
const appDir = path.join(benchDir, 'app');

function run(command: string, args: string[]): void {
  console.error(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`échec de « ${command} ${args.join(' ')} » (code ${result.status})`);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function measureCount(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('carto:filter').length);
}

/** Ticks or unticks one checkbox and waits for the map to report the change drawn. */
async function toggle(page: Page, checkboxId: string): Promise<number> {
  const before = await measureCount(page);
  await page.locator(`#${checkboxId}`).click();
  await page.waitForFunction((n) => performance.getEntriesByName('carto:filter').length > n, before, { timeout: 120_000 });
  return page.evaluate(() => performance.getEntriesByName('carto:filter').at(-1)!.duration);
}

interface SizeResult {
  size: number;
  firstIdleMs: number;
  filterMs: number[];
  medianMs: number;
}

async function benchSize(size: number, toggles: number, fresh: boolean): Promise<SizeResult> {
  const synthDir = path.join(benchDir, `synth-${size}`);
  const dataDir = path.join(benchDir, `data-${size}`);
  if (fresh || !existsSync(path.join(dataDir, 'innovations.geojson'))) {
    rmSync(synthDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    run('npm', ['run', '--silent', 'synth', '--', '--count', String(size), '--out', synthDir]);
    run('npm', ['run', '--silent', 'data', '--', '--data-dir', synthDir, '--out', dataDir]);
  }
  const vocab = JSON.parse(readFileSync(path.join(dataDir, 'vocabulaires.json'), 'utf8')) as Vocabulaires;
  const theme = vocab.themes[0]!;
  const secteur = vocab.secteurs[0]!;

  const server = await startStaticServer(appDir, { '/data/': dataDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    await page.goto(`${originOf(server)}/`);
    await page.waitForFunction(() => performance.getEntriesByName('carto:first-idle').length > 0, undefined, { timeout: 180_000 });
    const firstIdleMs = await page.evaluate(() => performance.getEntriesByName('carto:first-idle')[0]!.duration);
    const filterMs: number[] = [];
    for (let i = 0; i < toggles; i++) {
      // Alternate a theme and a sector, on then off: clustered points, choropleth and counts all change.
      const id = i % 4 < 2 ? `filtre-themes-${theme.id}` : `filtre-secteurs-${secteur.id}`;
      filterMs.push(await toggle(page, id));
    }
    return { size, firstIdleMs, filterMs, medianMs: median(filterMs) };
  } finally {
    await browser.close();
    server.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      toggles: { type: 'string', default: '10' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const toggles = Number(values.toggles);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0) || !Number.isInteger(toggles) || toggles < 2) {
    throw new Error('--sizes attend des entiers positifs séparés par des virgules, --toggles un entier ≥ 2.');
  }
  mkdirSync(benchDir, { recursive: true });
  run('npx', ['vite', 'build', '--outDir', appDir, '--emptyOutDir', '--logLevel', 'warn']);

  const results: SizeResult[] = [];
  for (const size of sizes) {
    const r = await benchSize(size, toggles, values.fresh);
    results.push(r);
    console.error(`${size} innovations : ${r.filterMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  }
  writeFileSync(path.join(benchDir, 'filter-results.json'), JSON.stringify({ date: new Date().toISOString(), results }, null, 2));

  console.log('\n| Innovations | Premier affichage (ms) | carto:filter médiane (ms) | min – max (ms) | Mesures |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.size.toLocaleString('fr-FR')} | ${r.firstIdleMs.toFixed(0)} | ${r.medianMs.toFixed(0)} | `
      + `${Math.min(...r.filterMs).toFixed(0)} – ${Math.max(...r.filterMs).toFixed(0)} | ${r.filterMs.length} |`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
