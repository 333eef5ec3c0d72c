/**
 * Visual comparison tier: a view's screenshot against a committed reference image
 * (tests/browser/references/NAME.png), pixel by pixel with pixelmatch, within a tolerance, so a
 * layout regression fails a test while antialiasing and text rendering noise do not. Regenerate
 * the references after an intended change with
 *
 *   REGEN=1 CARTO_DIST=… npx vitest run --config vitest.browser.config.ts tests/browser/visual.test.ts
 *
 * and look at them (git diff shows the images) before committing. A failing comparison writes the
 * screenshot and an image of the differing pixels (in red) to tests/browser/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { repoRoot, screenshotDir } from './harness';

export const referenceDir = path.join(repoRoot, 'tests/browser/references');

/**
 * Share of pixels that may differ (beyond pixelmatch's colour threshold) before a view counts as
 * changed: about one small text line or marker on a 1440 × 900 view, far below what moving a
 * panel, a legend or the map's framing changes.
 */
export const DEFAULT_TOLERANCE = 0.004;

/** What makes two runs of the same view differ without any change: the caret, transitions. */
const STEADY_CSS = `
  *, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }
  .maplibregl-popup { display: none !important; }
`;

/**
 * Stops what would make two screenshots of the same state differ (caret blink, transitions,
 * tooltips), or adds `css`. Through the CSSOM: the page's CSP refuses <style> elements.
 */
export async function steadyPage(page: Page, css = STEADY_CSS): Promise<void> {
  await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
  await page.mouse.move(0, 0);
}

/** Waits until two screenshots taken `interval` ms apart are identical: the map has stopped moving. */
export async function waitForStillFrame(page: Page, { interval = 400, timeout = 30_000 } = {}): Promise<Buffer> {
  const deadline = Date.now() + timeout;
  const shoot = () => page.screenshot({ animations: 'disabled', caret: 'hide' });
  let previous = await shoot();
  for (;;) {
    await page.waitForTimeout(interval);
    const next = await shoot();
    if (next.equals(previous)) return next;
    if (Date.now() > deadline) throw new Error(`la vue bouge encore après ${timeout} ms`);
    previous = next;
  }
}

export interface Comparison {
  /** Share of pixels that differ. */
  ratio: number;
  /** Where the screenshot was saved. */
  screenshot: string;
  /** The reference was (re)written rather than compared. */
  regenerated: boolean;
}

/**
 * Compares the page as it is now (saved as screenshots/NAME.png) with reference `reference`
 * (NAME by default); with REGEN=1 the reference is written instead. Throws when there is no
 * reference outside REGEN.
 */
export async function compareWithReference(page: Page, name: string, referenceName = name): Promise<Comparison> {
  mkdirSync(screenshotDir, { recursive: true });
  const shot = await waitForStillFrame(page);
  const screenshot = path.join(screenshotDir, `${name}.png`);
  writeFileSync(screenshot, shot);
  const reference = path.join(referenceDir, `${referenceName}.png`);
  if (process.env.REGEN === '1') {
    mkdirSync(referenceDir, { recursive: true });
    writeFileSync(reference, shot);
    return { ratio: 0, screenshot, regenerated: true };
  }
  if (!existsSync(reference)) throw new Error(`pas d'image de référence ${path.relative(repoRoot, reference)} : lancez le test avec REGEN=1`);
  const actual = PNG.sync.read(shot);
  const expected = PNG.sync.read(readFileSync(reference));
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return { ratio: 1, screenshot, regenerated: false };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  const ratio = changed / (actual.width * actual.height);
  if (ratio > 0) writeFileSync(path.join(screenshotDir, `${name}-difference.png`), PNG.sync.write(diff));
  return { ratio, screenshot, regenerated: false };
}
