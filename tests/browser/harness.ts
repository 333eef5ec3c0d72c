/**
 * Browser test harness: serves the built app (dist/) from a local static server and drives it in
 * headless Debian Chromium through playwright-core. One server and one browser per test file,
 * one fresh browser context per `openApp` call; both are closed after the file's tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { launchChromium, originOf, startStaticServer } from '../support/browser';

export { contentTypeFor } from '../support/browser';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site under test: dist/, or another build folder named by CARTO_DIST. */
export const distDir = process.env.CARTO_DIST ? path.resolve(process.env.CARTO_DIST) : path.join(repoRoot, 'dist');
export const screenshotDir = path.join(repoRoot, 'tests/browser/screenshots');

/** Name of the performance measure the map explorer records at the map's first `idle` event. */
export const FIRST_IDLE_MEASURE = 'carto:first-idle';

let serverPromise: Promise<Server> | undefined;
let browserPromise: Promise<Browser> | undefined;

/** Origin (http://127.0.0.1:PORT) of the static server, started on first use. */
export async function appOrigin(): Promise<string> {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`Pas de build dans ${distDir} : lancez « npm run build » avant les tests navigateur.`);
  }
  serverPromise ??= startStaticServer(distDir);
  return originOf(await serverPromise);
}

function sharedBrowser(): Promise<Browser> {
  browserPromise ??= launchChromium();
  return browserPromise;
}

export interface OpenAppOptions {
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
}

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
  const origin = await appOrigin();
  const browser = await sharedBrowser();
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

let measureInBuild: boolean | undefined;

/** Whether the built bundle records the first-idle measure (the map explorer does; the early shell did not). */
function buildRecordsFirstIdle(): boolean {
  if (measureInBuild === undefined) {
    const assets = path.join(distDir, 'assets');
    measureInBuild = existsSync(assets) && readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .some((f) => readFileSync(path.join(assets, f), 'utf8').includes(FIRST_IDLE_MEASURE));
  }
  return measureInBuild;
}

/**
 * Waits until the map has drawn for the first time: the `carto:first-idle` performance measure when
 * the build records it, otherwise the MapLibre canvas.
 */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('canvas.maplibregl-canvas').first().waitFor({ state: 'attached', timeout });
  if (buildRecordsFirstIdle()) {
    await page.waitForFunction(
      (name) => performance.getEntriesByName(name).length > 0,
      FIRST_IDLE_MEASURE,
      { timeout },
    );
  }
}

/** Saves a full-viewport screenshot to tests/browser/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function closeAll(): Promise<void> {
  const browser = browserPromise;
  const server = serverPromise;
  browserPromise = undefined;
  serverPromise = undefined;
  if (browser) await (await browser).close();
  if (server) {
    const s = await server;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

// Registered at import, so every test file that uses the harness releases its browser and server.
afterAll(closeAll);
