/**
 * Browser test harness: serves the built app (dist/) from a local static server and drives it in
 * headless Debian Chromium through playwright-core. One server and one browser per test file,
 * one fresh browser context per `openApp` call; both are closed after the file's tests.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll } from 'vitest';
import type { DepartementDisplayProps, Etape, Innovation, Vocabulaires } from '../../src/domain/types';
import { launchChromium, originOf, startStaticServer } from '../support/browser';


export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site under test: dist/, or another build folder named by CARTO_DIST. */
export const distDir = process.env.CARTO_DIST ? path.resolve(process.env.CARTO_DIST) : path.join(repoRoot, 'dist');
export const screenshotDir = path.join(repoRoot, 'tests/browser/screenshots');

/** Name of the performance measure the map explorer records at the map's first `idle` event. */
export const FIRST_IDLE_MEASURE = 'carto:first-idle';

/** Servers by data folder ('' = the build's own data). */
const servers = new Map<string, Promise<Server>>();
/** Browsers by their extra command-line flags ('' = the usual ones). */
const browsers = new Map<string, Promise<Browser>>();

/**
 * Origin (http://127.0.0.1:PORT) of a static server of the build, started on first use; with
 * `dataDir`, the build is served with that data folder as its data/.
 */
export async function appOrigin(dataDir = ''): Promise<string> {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`Pas de build dans ${distDir} : lancez « npm run build » avant les tests navigateur.`);
  }
  let server = servers.get(dataDir);
  if (!server) {
    server = startStaticServer(distDir, dataDir ? { '/data/': dataDir } : {});
    servers.set(dataDir, server);
  }
  return originOf(await server);
}

/** A data file of the build (dist/data) or of another built data folder, parsed. */
export function readData<T>(file: string, dataDir = path.join(distDir, 'data')): T {
  return JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as T;
}

/** The built data the app shows: departments, stops, innovations (in display order), vocabularies. */
export function builtData(dataDir?: string) {
  return {
    departements: readData<FeatureCollection<Polygon | MultiPolygon | Point, DepartementDisplayProps>>('departements.geojson', dataDir),
    etapes: readData<FeatureCollection<Point, Etape>>('etapes.geojson', dataDir).features,
    innovations: readData<FeatureCollection<Point, Innovation>>('innovations.geojson', dataDir).features,
    vocabulaires: readData<Vocabulaires>('vocabulaires.json', dataDir),
  };
}

/** The theme with the most innovations that still leaves some out, so ticking it visibly narrows. */
export function narrowingTheme(dataDir?: string) {
  const { innovations, vocabulaires } = builtData(dataDir);
  return vocabulaires.themes
    .map((t) => ({ ...t, n: innovations.filter((i) => i.properties.themes.includes(t.id)).length }))
    .filter((t) => t.n > 1 && t.n < innovations.length)
    .sort((a, b) => b.n - a.n)[0]!;
}

/** A short hash of the code that makes data sets: a change to it makes new ones. */
function dataCodeHash(): string {
  const hash = createHash('sha1');
  const files = [
    'scripts/synth.ts', 'scripts/build-data.ts',
    ...['src/build', 'src/domain'].flatMap((dir) => readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(dir, f))),
  ].sort();
  for (const f of files) hash.update(f).update(readFileSync(path.join(repoRoot, f)));
  return hash.digest('hex').slice(0, 10);
}

/**
 * A synthetic data set of `count` innovations, built by the project's own commands (npm run synth,
 * npm run data) into .tmp/jeux/N-HASH once; later calls reuse it while the code that makes it is
 * the same. Returns the built data folder.
 */
export function syntheticDataSet(count: number): string {
  const root = path.join(repoRoot, '.tmp', 'jeux', `${count}-${dataCodeHash()}`);
  const out = path.join(root, 'construit');
  if (!existsSync(out)) {
    // A set whose link leads nowhere (made before its versions were kept inside it) is made again.
    rmSync(root, { recursive: true, force: true });
    // Built aside then renamed into place: test files running in parallel may ask for the same set.
    mkdirSync(path.dirname(root), { recursive: true });
    const work = mkdtempSync(path.join(path.dirname(root), `${count}-en-cours-`));
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    execFileSync(tsx, ['scripts/synth.ts', '--count', String(count), '--out', path.join(work, 'source')], { cwd: repoRoot, stdio: 'pipe' });
    // Its versions stored inside the set (the link is relative): in the shared store, the slot of
    // a folder since renamed would be taken for a leftover and removed by the next build.
    execFileSync(tsx, [
      'scripts/build-data.ts', '--data-dir', path.join(work, 'source'), '--out', path.join(work, 'construit'), '--store', path.join(work, 'versions'),
    ], { cwd: repoRoot, stdio: 'pipe' });
    try {
      renameSync(work, root);
    } catch {
      // Another file built it first: theirs serves.
      rmSync(work, { recursive: true, force: true });
    }
  }
  return out;
}

function sharedBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const key = extraArgs.join(' ');
  let browser = browsers.get(key);
  if (!browser) {
    browser = launchChromium(extraArgs);
    browsers.set(key, browser);
  }
  return browser;
}

export interface OpenAppOptions {
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** A built data folder served as the app's data/ instead of the build's own. */
  dataDir?: string;
  /** Extra Chromium flags (a browser of its own), e.g. NO_WEBGL_ARGS. */
  browserArgs?: readonly string[];
}

/** Chromium flags of a browser without WebGL, as on locked-down town-hall PCs. */
export const NO_WEBGL_ARGS = ['--disable-webgl', '--disable-3d-apis'] as const;

export interface OpenedApp {
  page: Page;
  browser: Browser;
  /** Origin of the static server serving dist/. */
  origin: string;
  /** Console messages of type error and uncaught page errors, in order. */
  consoleErrors: string[];
  /** Every http(s)/ws(s) request whose origin is not the server's; such requests are aborted. */
  foreignRequests: string[];
  close(): Promise<void>;
}

function isForeign(url: URL, origin: string): boolean {
  return /^(https?|wss?):$/.test(url.protocol) && url.origin !== origin;
}

/** Opens the built app at `pathAndQuery` (e.g. `/?theme=ent`) in a fresh browser context. */
export async function openApp(pathAndQuery = '/', opts: OpenAppOptions = {}): Promise<OpenedApp> {
  const origin = await appOrigin(opts.dataDir);
  const browser = await sharedBrowser(opts.browserArgs);
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: opts.acceptDownloads ?? false,
    locale: 'fr-FR',
  });
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  // Nothing may leave the origin: record it, and abort it so a test never depends on the network.
  await context.route((url) => isForeign(url, origin), (route) => route.abort('blockedbyclient'));
  // Context-level listeners also hear the page's workers (MapLibre parses data in web workers).
  context.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  context.on('weberror', (webError) => {
    const err = webError.error();
    consoleErrors.push(`${err.name}: ${err.message}`);
  });
  context.on('request', (req) => {
    if (isForeign(new URL(req.url()), origin)) foreignRequests.push(req.url());
  });
  const page = await context.newPage();
  const target = new URL(pathAndQuery, origin).toString();
  await page.goto(target, { waitUntil: 'load' });
  return { page, browser, origin, consoleErrors, foreignRequests, close: () => context.close() };
}

/** Waits until the map has drawn its first innovations (the `carto:first-idle` measure). */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FIRST_IDLE_MEASURE, { timeout });
}

/** Saves a full-viewport screenshot to tests/browser/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function closeAll(): Promise<void> {
  const started = [...servers.values()];
  const launched = [...browsers.values()];
  browsers.clear();
  servers.clear();
  for (const browser of launched) await (await browser).close();
  for (const server of started) {
    const s = await server;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

// Registered at import, so every test file that uses the harness releases its browser and server.
afterAll(closeAll);
