/**
 * Print: "Imprimer" prepares the page, then print media shows the map as drawn (a 2D copy of the
 * WebGL canvas with the stop badges), its legend, the filters in words and every filtered row.
 * Expected rows are computed from the built data, never written here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { distDir, openApp, screenshotDir, waitForMapIdle, type OpenedApp } from './harness';
import type { Innovation, Vocabulaires } from '../../src/domain/types';

const readData = <T>(file: string): T => JSON.parse(readFileSync(path.join(distDir, 'data', file), 'utf8')) as T;

/** The theme with the most innovations that still leaves some out. */
function narrowingTheme(innovations: Innovation[]) {
  const { themes } = readData<Vocabulaires>('vocabulaires.json');
  return themes
    .map((t) => ({ ...t, n: innovations.filter((i) => i.themes.includes(t.id)).length }))
    .filter((t) => t.n > 1 && t.n < innovations.length)
    .sort((a, b) => b.n - a.n)[0]!;
}

describe('print', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('prints the map, its legend, the filters in words and a table of all filtered rows', async () => {
    const innovations = readData<FeatureCollection<Point, Innovation>>('innovations.geojson').features.map((f) => f.properties);
    const theme = narrowingTheme(innovations);
    const expected = innovations.filter((i) => i.themes.includes(theme.id)).map((i) => i.id).sort();

    app = await openApp(`/?theme=${theme.id}`);
    const { page } = app;
    await waitForMapIdle(page);
    // The browser's print dialog cannot be driven headless: count the calls instead.
    await page.evaluate(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => { (window as unknown as { printCalls: number }).printCalls++; };
    });
    await page.getByRole('button', { name: 'Imprimer', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    const table = page.locator('.impression-tableau');
    await expect.poll(() => table.isVisible()).toBe(true);
    const printedIds = (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''))).sort();
    expect(printedIds).toEqual(expected);
    expect(await page.locator('.impression-filtres').textContent()).toContain(`Thème : ${theme.libelle}`);

    // The live map and the panel give way to the still image; the legend stays.
    expect(await page.locator('.carte-cadre').isVisible()).toBe(false);
    expect(await page.locator('#panneau').isVisible()).toBe(false);
    expect(await page.locator('.legende').isVisible()).toBe(true);
    const image = page.locator('canvas.carte-impression');
    expect(await image.isVisible()).toBe(true);
    // The copy holds the map: many distinct colours, not a blank canvas.
    const colours = await image.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4 * 97) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(20);
    await page.screenshot({ path: path.join(screenshotDir, 'impression.png'), fullPage: true });
    // Chromium's own print pipeline (PDF) carries the map as an image: the live WebGL canvas is hidden in print.
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Subtype\s*\/Image/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('prints all innovations with "Aucun filtre" when nothing is filtered, and Ctrl+P (beforeprint) prepares too', async () => {
    const total = readData<FeatureCollection<Point, Innovation>>('innovations.geojson').features.length;
    app = await openApp('/');
    const { page } = app;
    await waitForMapIdle(page);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.impression-tableau tbody tr').count()).toBe(Math.min(total, 500));
    expect(await page.locator('.rapport-impression').textContent()).toContain('Aucun filtre');
  });

  it('caps the table at 500 rows and says how many were left out', async () => {
    const source = readData<FeatureCollection<Point, Innovation>>('innovations.geojson');
    // A larger data set served in place of the built one: copies with their own ids.
    const features = Array.from({ length: 620 }, (_, i) => {
      const f = source.features[i % source.features.length]!;
      return { ...f, properties: { ...f.properties, id: `copie-${i}` } };
    });
    app = await openApp('/');
    const { page } = app;
    await page.route('**/data/innovations.geojson', (route) => route.fulfill({
      status: 200, contentType: 'application/geo+json', body: JSON.stringify({ ...source, features }),
    }));
    await page.reload();
    await waitForMapIdle(page);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.impression-tableau tbody tr').count()).toBe(500);
    expect((await page.locator('.impression-limite').textContent())?.replace(/\s+/g, ' ')).toContain('500 premières sur 620');
  });
});
