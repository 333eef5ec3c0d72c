/**
 * Print: "Imprimer" prepares the page, then print media shows the map as drawn (a 2D copy of the
 * WebGL canvas with the stop badges), its legend, the filters in words and every filtered row.
 * Expected rows are computed from the built data, never written here.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtData, narrowingTheme, openApp, screenshotDir, syntheticDataSet, waitForMapIdle, type OpenedApp } from './harness';
import { openExport } from './ui';

describe('print', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('prints the map, its legend, the filters in words and a table of all filtered rows', async () => {
    const innovations = builtData().innovations.map((f) => f.properties);
    const theme = narrowingTheme();
    const expected = innovations.filter((i) => i.themes.includes(theme.id)).map((i) => i.id).sort();

    app = await openApp(`/?theme=${theme.id}`);
    const { page } = app;
    await waitForMapIdle(page);
    // The browser's print dialog cannot be driven headless: count the calls instead.
    await page.evaluate(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => { (window as unknown as { printCalls: number }).printCalls++; };
    });
    await openExport(page);
    await page.getByRole('button', { name: 'Imprimer', exact: true }).click();
    // "Imprimer" loads the rows and the charts first, then prints.
    await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

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
    const total = builtData().innovations.length;
    app = await openApp('/');
    const { page } = app;
    await waitForMapIdle(page);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.impression-tableau tbody tr').count()).toBe(Math.min(total, 500));
    expect(await page.locator('.rapport-impression').textContent()).toContain('Aucun filtre');
  });

  it('caps the table at 500 rows and says how many were left out', async () => {
    // A larger data set, built by the project's own commands, served in place of the built one.
    app = await openApp('/', { dataDir: syntheticDataSet(620) });
    const { page } = app;
    await waitForMapIdle(page);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.impression-tableau tbody tr').count()).toBe(500);
    expect((await page.locator('.impression-limite').textContent())?.replace(/\s+/g, ' ')).toContain('500 premières sur 620');
  });
});
