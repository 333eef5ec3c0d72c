/**
 * Laureates of the Trophées de l'Innovation Territoriale and editions of the tour in the built
 * app, on the test data of tests/fixtures/contributions (two laureates, the 2009 tour and two
 * stops of 2010): the laureate filter with its count, badges in the list, the detail, the map and
 * the CSV export; the edition switch changing the stops, their numbers, the route, the calendar
 * and the link.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, waitForMapIdle, type OpenedApp } from './harness';
import { built, CONTRIBUTIONS_FIXTURE, workFolder } from './fixtureData';
import { panelDetail } from './ui';

interface Circle { x: number; y: number; r: number; count: number; laureat: boolean }
interface MapTestHandle {
  carteTest: {
    circles(): Circle[];
    map: { getFeatureState(f: { source: string; id: number }): { visible?: boolean }; querySourceFeatures(source: string): { id?: number | string }[] };
  };
}

const countShown = async (page: Page) => Number(await page.locator('.resultats-compte').getAttribute('data-count'));
const circles = (page: Page) => page.evaluate(() => (document.querySelector('.carte') as unknown as MapTestHandle).carteTest.circles());
const stopNames = (page: Page) => page.locator('button.etape-marqueur').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));

/** The tour legs shown (feature-state `visible`), by the key of the stop they lead to, and every leg the map holds. */
async function legs(page: Page): Promise<{ shown: number[]; held: number[] }> {
  return page.evaluate(() => {
    const map = (document.querySelector('.carte') as unknown as MapTestHandle).carteTest.map;
    const held = [...new Set(map.querySourceFeatures('parcours').map((f) => Number(f.id)))].sort((a, b) => a - b);
    return { shown: held.filter((id) => map.getFeatureState({ source: 'parcours', id }).visible === true), held };
  });
}

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

let data: string;
beforeAll(async () => {
  data = await built(CONTRIBUTIONS_FIXTURE, path.join(workFolder('trophees-editions-'), 'construit'));
});

describe('laureates of the Trophées', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/', { dataDir: data, acceptDownloads: true });
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('are filtered with their count, and shown with their badge in the list and a ringed marker on the map', async () => {
    const page = app.page;
    await expect.poll(() => countShown(page)).toBe(8);
    const filter = page.getByRole('checkbox', { name: 'Lauréats des Trophées (2 innovations)' });
    expect(await filter.isChecked()).toBe(false);
    await filter.check();
    await expect.poll(() => countShown(page)).toBe(2);
    expect(new URL(page.url()).searchParams.get('laureats')).toBe('1');
    expect(await page.getByRole('button', { name: 'Retirer le filtre Lauréats des Trophées' }).count()).toBe(1);

    const rows = page.locator('.resultats-ligne');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((els) => els.map((e) => e.querySelector('.badge-laureat')?.textContent))).toEqual(['★Lauréat 2009, ', '★Lauréat 2010, ']);

    // The map: only laureates, each drawn with its gold ring (read on the canvas).
    await page.waitForFunction(() => performance.getEntriesByName('carto:filter').length > 0, undefined, { timeout: 30_000 });
    await page.waitForTimeout(300);
    const drawn = await circles(page);
    expect(drawn.filter((c) => c.count === 1).length).toBe(2);
    expect(drawn.every((c) => c.laureat)).toBe(true);
    const png = PNG.sync.read(await page.locator('canvas.maplibregl-canvas').screenshot());
    for (const c of drawn) {
      const x = Math.round(c.x + c.r - 2.75);
      const y = Math.round(c.y);
      const k = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[k]!, png.data[k + 1]!, png.data[k + 2]!];
      expect(r > 180 && g > 130 && b < 140, `or en ${x},${y} : ${r},${g},${b}`).toBe(true);
    }
    await screenshot(page, 'laureats');
  });

  it('shows the distinction in the detail and the CSV export', async () => {
    const page = app.page;
    await page.locator('.resultats-ligne[data-id="i001"]').click();
    const detail = page.locator('#panneau section.detail');
    await expect.poll(() => detail.locator('.badge-laureat').textContent()).toBe('★Lauréat des Trophées de l’Innovation Territoriale 2009 — Éducation numérique');
    await page.keyboard.press('Escape');
    const toggle = page.locator('#export-titre');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const csv = await saved(page, () => page.getByRole('button', { name: 'Exporter CSV' }).click());
    expect(csv.name).toMatch(/^innovations-laureats-/u);
    const rows = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/u, ''), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.id, r.trophee])).toEqual([['i001', '2009 – Éducation numérique'], ['i004', '2010 – Tourisme']]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('editions of the tour', () => {
  it('shows 2009 by default; another edition changes the stops, their numbers, the route, the calendar and the link', async () => {
    const app = await openApp('/', { dataDir: data, acceptDownloads: true });
    try {
      const page = app.page;
      await waitForMapIdle(page);
      await expect.poll(async () => (await stopNames(page)).length).toBe(12);
      expect((await stopNames(page))[0]).toBe('Étape 1 du 23 avril 2009 — Le Puy-en-Velay (Haute-Loire)');
      // Legs join the stops of one edition: none from the last stop of 2009 (key 13) to the first of 2010.
      await expect.poll(async () => (await legs(page)).shown).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect((await legs(page)).held).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]);

      const group = page.locator('.filtres-onglet', { hasText: /^Étapes/u });
      if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
      const edition = page.getByLabel('Édition de la tournée');
      expect(await edition.inputValue()).toBe('2009');
      await edition.selectOption('2010');
      await expect.poll(() => stopNames(page)).toEqual([
        'Étape 1 du 18 mars 2010 — Aurillac (Cantal)',
        'Étape 2 du 15 avril 2010 — Rodez (Aveyron)',
      ]);
      await expect.poll(async () => (await legs(page)).shown).toEqual([14]);
      expect(new URL(page.url()).searchParams.get('edition')).toBe('2010');
      // Its detail is numbered as its badge: within the edition shown.
      await page.getByRole('button', { name: 'Étape 2 du 15 avril 2010 — Rodez (Aveyron)' }).click();
      await expect.poll(() => panelDetail(page).textContent()).toContain('étape 2 sur 2');
      await page.getByRole('button', { name: 'Retour aux résultats' }).click();
      await screenshot(page, 'edition-2010');

      const toggle = page.locator('#export-titre');
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      const ics = await saved(page, () => page.getByRole('button', { name: 'Étapes (.ics)' }).click());
      expect(ics.text.match(/^BEGIN:VEVENT\r$/gmu)).toHaveLength(2);
      expect(ics.text).toContain('DTSTART;VALUE=DATE:20100318');
      expect(ics.text).not.toContain('DTSTART;VALUE=DATE:2009');

      await edition.selectOption('toutes');
      await expect.poll(async () => (await stopNames(page)).length).toBe(14);
      await expect.poll(async () => (await legs(page)).shown).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]);
      expect(new URL(page.url()).searchParams.get('edition')).toBe('toutes');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('opens a link on its edition, whose tour is the one replayed', async () => {
    const app = await openApp('/?edition=2010', { dataDir: data });
    try {
      const page = app.page;
      await waitForMapIdle(page);
      await expect.poll(async () => (await stopNames(page)).length).toBe(2);
      await page.getByRole('button', { name: /Rejouer la tournée/u }).click();
      await expect.poll(() => page.locator('.tournee-rang').textContent()).toBe('Étape 1 sur 2');
      await page.keyboard.press('Escape');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('ignores an edition the data does not have, and shows no switch when there is one edition', async () => {
    const app = await openApp('/?edition=2031');
    try {
      const page = app.page;
      await waitForMapIdle(page);
      await expect.poll(async () => (await stopNames(page)).length).toBe(12);
      await expect.poll(() => new URL(page.url()).searchParams.get('edition')).toBeNull();
      expect(await page.getByLabel('Édition de la tournée').count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
