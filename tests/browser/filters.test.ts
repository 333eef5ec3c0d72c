/**
 * Filters, results list, exports and shareable links in the built app. Expected values are computed
 * from the built data (dist/data) with the same definitions users are promised, never written here.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { FeatureCollection, Point } from 'geojson';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtData as builtFeatures, narrowingTheme, openApp, readData, screenshot, waitForMapIdle, type OpenedApp } from './harness';
import type { Etape, Innovation } from '../../src/domain/types';
import { foldText } from '../../src/domain/normalize';
import { filterCheckbox, openFilterGroup, panelDetail } from './ui';

/** The built innovations and stops as their properties (what the list and exports show). */
function builtData() {
  const { innovations, etapes, vocabulaires } = builtFeatures();
  return { innovations: innovations.map((f) => f.properties), etapes: etapes.map((f) => f.properties), vocabulaires };
}

const countText = (n: number) => `${n.toLocaleString('fr-FR')} innovation${n > 1 ? 's' : ''}`;

async function countShown(page: Page): Promise<number> {
  return Number(await page.locator('.resultats-compte').getAttribute('data-count'));
}

/**
 * Every row of the virtualised list, in order, by scrolling the side panel (the list's one scroll
 * container) from top to bottom; the panel is left at the end of the list.
 */
async function allListIds(page: Page): Promise<string[]> {
  const list = page.getByRole('listbox', { name: 'Résultats' });
  const panel = page.locator('#panneau');
  const byPosition = new Map<number, string>();
  await panel.evaluate((el) => { el.scrollTop = 0; });
  for (let guard = 0; guard < 10_000; guard++) {
    const rows = await list.evaluate((el) => [...el.querySelectorAll('[role="option"]')]
      .map((o) => [Number(o.getAttribute('aria-posinset')), o.getAttribute('data-id') ?? ''] as const));
    for (const [pos, id] of rows) byPosition.set(pos, id);
    const atEnd = await panel.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop += el.clientHeight / 2;
      return el.scrollTop === before;
    });
    if (atEnd) break;
    await page.waitForTimeout(30);
  }
  return [...byPosition.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
}

/** Unfolds the export section (between the count and the list). */
async function openExport(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Exporter', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Clears every filter with the panel's own button, when there is something to clear. */
async function resetFilters(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Réinitialiser', exact: true });
  if (await button.count()) await button.click();
}

async function filterMeasures(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('carto:filter').length);
}

async function saved(download: Download): Promise<string> {
  const file = await download.path();
  return readFileSync(file, 'utf8');
}

describe('filters on the desktop', () => {
  let app: OpenedApp;
  const theme = narrowingTheme();
  const { innovations, etapes } = builtData();

  beforeAll(async () => {
    app = await openApp('/', { acceptDownloads: true });
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows every innovation before any filter, with a French count', async () => {
    await expect.poll(() => countShown(app.page)).toBe(innovations.length);
    expect(await app.page.locator('.resultats-compte').textContent()).toContain(countText(innovations.length));
  });

  it('ticking a theme changes the count, the list, the map, the stops and the legend together', async () => {
    const page = app.page;
    const legendBefore = await page.locator('.legende-classes').textContent();
    const canvasBefore = await page.locator('canvas.maplibregl-canvas').screenshot();
    const measuresBefore = await filterMeasures(page);

    await (await filterCheckbox(page, 'Thèmes', theme.libelle)).check();

    const expected = innovations.filter((i) => i.themes.includes(theme.id));
    await expect.poll(() => countShown(page)).toBe(expected.length);
    expect(await page.locator('.resultats-compte').textContent()).toContain(countText(expected.length));
    expect(new Set(await allListIds(page))).toEqual(new Set(expected.map((i) => i.id)));
    // The map took the new data and drew it: the filter measure closes at the next map idle.
    await expect.poll(() => filterMeasures(page), { timeout: 20_000 }).toBeGreaterThan(measuresBefore);
    expect(Buffer.compare(await page.locator('canvas.maplibregl-canvas').screenshot(), canvasBefore)).not.toBe(0);
    const stopButtons = page.getByRole('button', { name: /^Étape \d+ du / });
    await expect.poll(() => stopButtons.count()).toBe(etapes.filter((e) => e.themes.includes(theme.id)).length);
    expect(await page.locator('.legende-classes').textContent()).not.toBe(legendBefore);
    expect(new URL(page.url()).searchParams.getAll('theme')).toEqual([theme.id]);
    await expect.poll(() => page.getByRole('button', { name: `Retirer le filtre Thème : ${theme.libelle}` }).count()).toBe(1);
  });

  it('shows facet counts that match what ticking would give', async () => {
    const { vocabulaires } = builtData();
    const inTheme = innovations.filter((i) => i.themes.includes(theme.id));
    for (const s of vocabulaires.secteurs) {
      const label = await app.page.locator(`label[for="filtre-secteurs-${s.id}"] .filtres-compte`).textContent();
      expect(Number(label?.replace(/\s/g, '')), s.id).toBe(inTheme.filter((i) => i.secteurs.includes(s.id)).length);
    }
  });

  it('exports exactly the filtered list as a ; CSV with BOM, then GeoJSON and stops', async () => {
    const page = app.page;
    const listIds = await allListIds(page);
    await openExport(page);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(new RegExp(`^innovations-${theme.id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = await saved(csvDownload);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.delimiter).toBe(';');
    expect(parsed.data.map((r) => r.id)).toEqual(listIds);
    const byId = new Map(innovations.map((i) => [i.id, i]));
    for (const row of parsed.data) {
      // Real coordinates with a decimal comma, never the inset position.
      expect(Number(row.latitude!.replace(',', '.'))).toBeCloseTo(byId.get(row.id!)!.latitude, 5);
    }

    const [geoDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GeoJSON' }).click()]);
    const geo = JSON.parse(await saved(geoDownload)) as FeatureCollection<Point, Innovation>;
    expect(geo.features.map((f) => f.properties.id)).toEqual(listIds);

    const [icsDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Étapes (.ics)' }).click()]);
    const ics = await saved(icsDownload);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(etapes.filter((e) => e.themes.includes(theme.id)).length);
  });

  it('searches ignoring case and accents', async () => {
    const page = app.page;
    await resetFilters(page);
    const word = 'numerique';
    await page.getByLabel('Rechercher').fill(word.toUpperCase());
    const expected = innovations.filter((i) => foldText([i.titre, i.description, i.porteur, i.commune].join(' ')).includes(word));
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => countShown(page)).toBe(expected.length);
    expect(new Set(await allListIds(page))).toEqual(new Set(expected.map((i) => i.id)));
    expect(await page.locator('.resultats-compte').textContent()).toContain('pertinence');
  });

  it('narrows to a department typed without accents, and to a region picked by its name', async () => {
    const page = app.page;
    await resetFilters(page);
    const departements = readData<FeatureCollection<Point, { code: string; nom: string; region: string; region_nom: string; role: string }>>('departements.geojson')
      .features.map((f) => f.properties).filter((d) => d.role === 'zone');
    const perDep = (code: string) => innovations.filter((i) => i.departement === code).length;
    const dep = departements.filter((d) => foldText(d.nom) !== d.nom.toLowerCase() && perDep(d.code) > 0)[0] ?? departements.sort((a, b) => perDep(b.code) - perDep(a.code))[0]!;
    await openFilterGroup(page, 'Territoire');
    const field = page.getByRole('combobox', { name: 'Département', exact: true });
    await field.fill(foldText(dep.nom));
    await field.press('Enter');
    await expect.poll(() => countShown(page)).toBe(perDep(dep.code));
    expect(await field.inputValue()).toBe(`${dep.nom} (${dep.code})`);

    await resetFilters(page);
    await expect.poll(() => field.inputValue()).toBe('');
    const region = departements.find((d) => d.region !== dep.region && perDep(d.code) > 0)!;
    await page.getByRole('combobox', { name: 'Région', exact: true }).fill(region.region_nom);
    const inRegion = new Set(departements.filter((d) => d.region === region.region).map((d) => d.code));
    await expect.poll(() => countShown(page)).toBe(innovations.filter((i) => inRegion.has(i.departement)).length);

    await field.fill('nulle part');
    await field.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'nulle part' }).count()).toBe(1);
    await resetFilters(page);
  });

  it('has made no foreign request and logged no console error', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('shareable links', () => {
  const theme = narrowingTheme();
  const { innovations } = builtData();

  it('a copied address reopens the same filters, list and selection; Back closes the selection', async () => {
    const first = await openApp('/');
    let url: string;
    let ids: string[];
    try {
      await waitForMapIdle(first.page);
      await (await filterCheckbox(first.page, 'Thèmes', theme.libelle)).check();
      await first.page.getByLabel('Rechercher').fill('e');
      await first.page.getByLabel('Rechercher').press('Enter');
      await expect.poll(() => first.page.url()).toContain('q=e');
      ids = await allListIds(first.page);
      const target = ids[ids.length - 1]!;
      await first.page.locator(`[role="option"][data-id="${target}"]`).click();
      await expect.poll(() => first.page.url()).toContain(`selection=innovation:${target}`);
      url = first.page.url();
      await first.page.goBack();
      await expect.poll(() => first.page.url()).not.toContain('selection=');
      await expect.poll(() => first.page.locator('[role="option"][aria-selected="true"]').count()).toBe(0);
      expect(await first.page.getByLabel('Rechercher').inputValue()).toBe('e');
      expect(first.consoleErrors).toEqual([]);
    } finally {
      await first.close();
    }

    const second = await openApp(new URL(url).pathname + new URL(url).search);
    try {
      await waitForMapIdle(second.page);
      // The selection opens in the panel; back to the results, the filters are those of the link
      // and the selected row (last of the list) was scrolled into view and marked.
      const target = ids[ids.length - 1]!;
      const titre = innovations.find((i) => i.id === target)!.titre;
      await expect.poll(() => second.page.getByRole('heading', { name: titre }).count()).toBeGreaterThan(0);
      await second.page.getByRole('button', { name: 'Retour aux résultats' }).click();
      const row = second.page.locator(`[role="option"][data-id="${target}"]`);
      await expect.poll(() => row.getAttribute('class')).toContain('resultats-ligne-vue');
      expect(await rowInPanelView(row)).toBe(true);
      await expect.poll(() => countShown(second.page)).toBe(ids.length);
      expect(await allListIds(second.page)).toEqual(ids);
      expect(await (await filterCheckbox(second.page, 'Thèmes', theme.libelle)).isChecked()).toBe(true);
      expect(await second.page.getByLabel('Rechercher').inputValue()).toBe('e');
      expect(second.consoleErrors).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('ignores unknown and malformed parameters without breaking the page', async () => {
    const app = await openApp(`/?theme=inexistant&theme=${theme.id}&annee_min=deux&carte=x/y/z&selection=rien&utm_source=mail`);
    try {
      await waitForMapIdle(app.page);
      await expect.poll(() => countShown(app.page)).toBe(innovations.filter((i) => i.themes.includes(theme.id)).length);
      await expect.poll(() => new URL(app.page.url()).search).toMatch(new RegExp(`^\\?theme=${theme.id}(&carte=[-\\d./]+)?$`));
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

/** Whether a row is within the part of the side panel on screen. */
function rowInPanelView(row: import('playwright-core').Locator): Promise<boolean> {
  return row.evaluate((el) => {
    const panel = el.closest('#panneau')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= panel.top - 1 && r.bottom <= panel.bottom + 1;
  });
}

describe('list and map in step', () => {
  it('a point clicked on the map opens its detail; back to the results, its row is marked and in view', async () => {
    const features = readData<FeatureCollection<Point, Innovation>>('innovations.geojson').features;
    const { etapes } = builtData();
    const far = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!) > 0.05;
    const etapePoints = readData<FeatureCollection<Point, Etape>>('etapes.geojson').features
      .filter((f) => f.geometry.type === 'Point').map((f) => f.geometry.coordinates);
    expect(etapePoints).toHaveLength(etapes.length);
    // Alone at its spot (no other point nor stop marker within ~5 km), so a click at the centre hits it.
    const alone = features.filter((f) => features.every((g) => g === f || far(f.geometry.coordinates, g.geometry.coordinates))
      && etapePoints.every((e) => far(f.geometry.coordinates, e)));
    expect(alone.length).toBeGreaterThan(0);

    const probe = await openApp('/');
    let order: string[];
    try {
      await waitForMapIdle(probe.page);
      order = await allListIds(probe.page);
    } finally {
      await probe.close();
    }
    // The one furthest down the list: its row is not drawn until the list scrolls to it.
    const target = alone.sort((a, b) => order.indexOf(b.properties.id) - order.indexOf(a.properties.id))[0]!;
    expect(order.indexOf(target.properties.id)).toBeGreaterThan(20);
    const [lon, lat] = target.geometry.coordinates as [number, number];
    const app = await openApp(`/?carte=11/${lat.toFixed(5)}/${lon.toFixed(5)}`);
    try {
      await waitForMapIdle(app.page);
      const row = app.page.locator(`[role="option"][data-id="${target.properties.id}"]`);
      expect(await row.count()).toBe(0);
      const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
      await app.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => app.page.getByRole('heading', { level: 2, name: target.properties.titre }).count()).toBe(1);
      expect(await panelDetail(app.page).isVisible()).toBe(true);
      await app.page.getByRole('button', { name: 'Retour aux résultats' }).click();
      await expect.poll(() => row.getAttribute('class')).toContain('resultats-ligne-vue');
      expect(await rowInPanelView(row)).toBe(true);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('keyboard only', () => {
  it('reaches the filters, toggles a theme with Space, selects a row with Enter and exports', async () => {
    const app = await openApp('/', { acceptDownloads: true });
    const page = app.page;
    const theme = narrowingTheme();
    const { innovations } = builtData();
    try {
      await waitForMapIdle(page);
      const tabUntil = async (test: () => Promise<boolean>, what: string) => {
        for (let i = 0; i < 250; i++) {
          await page.keyboard.press('Tab');
          if (await test()) return;
        }
        throw new Error(`Tab n'atteint pas ${what}`);
      };
      const focused = () => page.evaluate(() => {
        const el = document.activeElement;
        return { id: el?.id ?? '', role: el?.getAttribute('role') ?? '', text: el?.textContent?.trim() ?? '' };
      });

      await tabUntil(async () => (await focused()).id === 'filtre-texte', 'la recherche');
      await tabUntil(async () => (await focused()).text.startsWith('Thèmes'), 'le bouton Thèmes');
      // Unfolded at first on a desktop; Enter would fold them.
      if (await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('Enter');
      await tabUntil(async () => (await focused()).id === `filtre-themes-${theme.id}`, `la case ${theme.libelle}`);
      await page.keyboard.press('Space');
      const expected = innovations.filter((i) => i.themes.includes(theme.id));
      await expect.poll(() => countShown(page)).toBe(expected.length);

      await tabUntil(async () => (await focused()).role === 'listbox', 'la liste des résultats');
      await page.keyboard.press('ArrowDown');
      const activeId = await page.evaluate(() => {
        const list = document.activeElement!;
        return document.getElementById(list.getAttribute('aria-activedescendant') ?? '')?.getAttribute('data-id') ?? '';
      });
      expect(expected.map((i) => i.id)).toContain(activeId);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url()).toContain(`selection=innovation:${activeId}`);
      await screenshot(page, 'filtres-clavier-selection');
      // Escape goes back to the results, focus in the list.
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await focused()).role).toBe('listbox');

      await tabUntil(async () => (await focused()).text === 'Exporter', 'le bouton Exporter');
      await page.keyboard.press('Enter');
      await tabUntil(async () => (await focused()).text === 'Exporter CSV', 'le bouton Exporter CSV');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toMatch(/^innovations-.*\.csv$/);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('screenshots of a filtered list', () => {
  const theme = narrowingTheme();
  for (const [name, viewport] of [['bureau', { width: 1280, height: 800 }], ['telephone', { width: 390, height: 844 }]] as const) {
    it(`on a ${name === 'bureau' ? 'desktop' : 'phone'}`, async () => {
      const app = await openApp(`/?theme=${theme.id}`, { viewport });
      try {
        await waitForMapIdle(app.page);
        if (name === 'telephone') await app.page.getByRole('button', { name: /^Filtres et liste/ }).click();
        await app.page.locator('.resultats').scrollIntoViewIfNeeded();
        await app.page.locator('.resultats-ligne').first().hover();
        await screenshot(app.page, `filtres-liste-${name}`);
        // Nothing of the list sticks out of the viewport sideways.
        const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      } finally {
        await app.close();
      }
    });
  }
});
