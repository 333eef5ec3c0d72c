/**
 * The map explorer in the built app: stops, stop dialog, inset departments, panel, and the rules
 * that hold everywhere (no foreign request, no console error). Expected values are read from the
 * built data (dist/data), never written here.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtData, openApp, readData, screenshot, waitForMapIdle, type OpenedApp } from './harness';
import { filterCheckbox, openFilterGroup, panelDetail } from './ui';
import type { Vocabulaires } from '../../src/domain/types';
import { formatCount } from '../../src/domain/presentation';
import { wording } from '../../src/i18n';

const FR = wording('fr');
import { EMPTY_FILTERS } from '../../src/store/appStore';
import { serializeUrlState } from '../../src/store/urlState';

/**
 * A display point inside department `code`, as far as possible from its innovation points, so a
 * click there hits the department and not a point or cluster drawn on top of it.
 */
function clickablePointIn(code: string): [number, number] {
  const { departements, innovations } = builtData();
  const zone = departements.features.find((f) => f.properties.code === code && f.properties.role === 'zone') as Feature<Polygon | MultiPolygon>;
  const points = innovations.filter((f) => f.properties.departement === code).map((f) => f.geometry.coordinates);
  const [w, s, e, n] = bbox(zone);
  let best: [number, number] = [(w + e) / 2, (s + n) / 2];
  let bestDistance = -1;
  for (let i = 1; i < 30; i++) {
    for (let j = 1; j < 30; j++) {
      const p: [number, number] = [w + ((e - w) * i) / 30, s + ((n - s) * j) / 30];
      if (!booleanPointInPolygon(p, zone)) continue;
      const d = Math.min(Infinity, ...points.map(([x, y]) => Math.hypot(x! - p[0], y! - p[1])));
      if (d > bestDistance) {
        best = p;
        bestDistance = d;
      }
    }
  }
  return best;
}

describe('map explorer, national view (desktop)', () => {
  let app: OpenedApp;
  const { etapes } = builtData();

  beforeAll(async () => {
    app = await openApp('/');
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('reaches idle and records the first-idle measure', async () => {
    const measures = await app.page.evaluate(() => performance.getEntriesByName('carto:first-idle').map((m) => m.duration));
    expect(measures).toHaveLength(1);
    expect(measures[0]).toBeGreaterThan(0);
    await screenshot(app.page, 'carte-vue-nationale');
  });

  it('shows one keyboard-focusable button per stop, named by date and place', async () => {
    const buttons = app.page.getByRole('button', { name: /^Étape \d+ du / });
    await expect.poll(() => buttons.count()).toBe(etapes.length);
    expect(etapes.length).toBe(12);
    const laon = app.page.getByRole('button', { name: /^Étape 4 du 28 mai 2009 — Laon \(Aisne\)$/ });
    await expect.poll(() => laon.count()).toBe(1);
    await laon.focus();
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/Laon/);
  });

  it('opens the Laon stop in the side panel with its subject, its badge still in view, then gives focus back to the marker on Escape', async () => {
    const laonStop = etapes.find((e) => e.properties.commune === 'Laon')!;
    const marker = app.page.getByRole('button', { name: /Laon \(Aisne\)$/ });
    await marker.click();
    const detail = panelDetail(app.page);
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.textContent()).toContain(laonStop.properties.intitule);
    expect(await detail.textContent()).toContain('28 mai 2009');
    expect(await app.page.getByRole('heading', { level: 2, name: /28 mai 2009 — Laon/ }).count()).toBe(1);
    // The detail takes the focus (its heading), in the panel, not over the map: the stop stays visible.
    expect(await app.page.evaluate(() => document.activeElement?.closest('#panneau') !== null)).toBe(true);
    const badge = (await marker.boundingBox())!;
    const panel = (await app.page.locator('#panneau').boundingBox())!;
    expect(badge.x + badge.width).toBeLessThanOrEqual(panel.x);
    expect(await app.page.getByRole('dialog').count()).toBe(0);
    await screenshot(app.page, 'etape-ouverte');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/Laon \(Aisne\)$/);
  });

  it('names a stop without commune by its department alone', async () => {
    const withoutCommune = etapes.find((e) => e.properties.commune === '');
    expect(withoutCommune).toBeDefined();
    const nom = builtData().departements.features.find((f) => f.properties.code === withoutCommune!.properties.departement)!.properties.nom;
    const marker = app.page.locator(`button.etape-marqueur[data-etape-id="${withoutCommune!.properties.id}"]`);
    expect(await marker.getAttribute('aria-label')).toMatch(new RegExp(`^Étape \\d+ du .+ — ${nom}$`));
  });

  it('opens a stop from the keyboard (Enter) and says "Thème à venir" for a stop without theme', async () => {
    const withoutTheme = etapes.find((e) => e.properties.themes.length === 0);
    expect(withoutTheme).toBeDefined();
    const marker = app.page.locator(`button.etape-marqueur[data-etape-id="${withoutTheme!.properties.id}"]`);
    await marker.focus();
    await app.page.keyboard.press('Enter');
    const detail = panelDetail(app.page);
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.textContent()).toContain('Thème à venir');
    await app.page.getByRole('button', { name: 'Retour aux résultats' }).click();
    await expect.poll(() => detail.count()).toBe(0);
  });

  it('goes back to the results with the pointer, where the list was, focus in the list', async () => {
    const list = app.page.locator('.resultats-liste');
    const panel = app.page.locator('#panneau');
    await panel.evaluate((el) => el.scrollTo(0, 300));
    await expect.poll(() => panel.evaluate((el) => el.scrollTop)).toBe(300);
    await app.page.getByRole('button', { name: /Laon \(Aisne\)$/ }).click();
    const detail = panelDetail(app.page);
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await list.isVisible()).toBe(false);
    await app.page.getByRole('button', { name: 'Retour aux résultats' }).click();
    await expect.poll(() => detail.count()).toBe(0);
    expect(await list.isVisible()).toBe(true);
    expect(await panel.evaluate((el) => el.scrollTop)).toBe(300);
    expect(await app.page.evaluate(() => document.activeElement?.classList.contains('resultats-liste'))).toBe(true);
    await panel.evaluate((el) => el.scrollTo(0, 0));
  });

  it('pans and zooms with the keyboard once the map has focus', async () => {
    const zoomInUrl = () => Number(new URL(app.page.url()).searchParams.get('carte')?.split('/')[0] ?? NaN);
    await app.page.locator('canvas.maplibregl-canvas').focus();
    const before = await app.page.evaluate(() => document.activeElement?.tagName);
    expect(before).toBe('CANVAS');
    await app.page.keyboard.press('Equal');
    await expect.poll(zoomInUrl, { timeout: 15_000 }).toBeGreaterThan(4);
    const zoomed = zoomInUrl();
    const centerOf = () => new URL(app.page.url()).searchParams.get('carte')?.split('/').slice(1).join('/');
    const centerBefore = centerOf();
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(centerOf, { timeout: 15_000 }).not.toBe(centerBefore);
    expect(zoomInUrl()).toBeCloseTo(zoomed, 1);
  });

  it('brings the national view back with its control', async () => {
    await app.page.getByRole('button', { name: 'Vue nationale' }).click();
    await expect.poll(() => app.page.url()).toContain('carte=');
  });

  it('makes no request outside its origin and logs no console error', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('map explorer, keyboard', () => {
  it('lets a keyboard user skip the map and its markers', async () => {
    const app = await openApp('/');
    try {
      await waitForMapIdle(app.page);
      await app.page.keyboard.press('Tab');
      const skip = app.page.getByRole('link', { name: /Aller aux filtres/ });
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      await app.page.keyboard.press('Enter');
      await expect.poll(() => app.page.evaluate(() => document.activeElement?.id)).toBe('panneau');
    } finally {
      await app.close();
    }
  });
});

describe('map explorer, inset department', () => {
  it('selects La Réunion with a click inside its inset and lists its innovations', async () => {
    const { innovations } = builtData();
    const expected = innovations.filter((f) => f.properties.departement === '974').map((f) => f.properties.titre);
    expect(expected.length).toBeGreaterThan(0);
    const center = clickablePointIn('974');
    const query = serializeUrlState({ filters: EMPTY_FILTERS, selection: null, view: { center, zoom: 8.5 } });
    const app = await openApp(`/?${query}`);
    try {
      await waitForMapIdle(app.page);
      const canvas = app.page.locator('canvas.maplibregl-canvas');
      const box = (await canvas.boundingBox())!;
      await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tooltip = app.page.locator('.carte-infobulle');
      await expect.poll(() => tooltip.count()).toBe(1);
      expect(await tooltip.textContent()).toBe(`La Réunion974 · ${formatCount(expected.length, FR)}`);
      await app.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const heading = app.page.getByRole('heading', { level: 2, name: 'La Réunion' });
      await expect.poll(() => heading.count()).toBe(1);
      const panel = app.page.locator('section.detail');
      for (const titre of expected) expect(await panel.textContent()).toContain(titre);
      expect(await panel.textContent()).toContain('974');
      await screenshot(app.page, 'departement-974');
      await app.page.keyboard.press('Escape');
      await expect.poll(() => heading.count()).toBe(0);
      expect(app.foreignRequests).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('has La Réunion\'s count follow a theme filter by the time the map reports the change drawn', async () => {
    const { innovations } = builtData();
    const { themes } = readData<Vocabulaires>('vocabulaires.json');
    const inReunion = innovations.filter((f) => f.properties.departement === '974');
    const kept = (themeId: string) => inReunion.filter((f) => f.properties.themes.includes(themeId)).length;
    // A theme that keeps some of its innovations, not all: the count must change, and not to zero.
    const theme = themes.find((t) => kept(t.id) > 0 && kept(t.id) < inReunion.length);
    expect(theme).toBeDefined();
    const query = serializeUrlState({ filters: EMPTY_FILTERS, selection: null, view: { center: clickablePointIn('974'), zoom: 8.5 } });
    const app = await openApp(`/?${query}`);
    try {
      await waitForMapIdle(app.page);
      const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
      const tooltip = app.page.locator('.carte-infobulle');
      await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => tooltip.textContent()).toBe(`La Réunion974 · ${formatCount(inReunion.length, FR)}`);
      await (await filterCheckbox(app.page, 'Thèmes', theme!.libelle)).check();
      await app.page.waitForFunction(() => performance.getEntriesByName('carto:filter').length > 0, undefined, { timeout: 30_000 });
      await app.page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
      expect(await tooltip.textContent()).toBe(`La Réunion974 · ${formatCount(kept(theme!.id), FR)}`);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('map explorer, innovation point and filters', () => {
  it('opens the detail of a clicked point, with a safe link and its real coordinates', async () => {
    const { innovations, etapes } = builtData();
    const apart = (a: Feature<Point>, b: Feature<Point>) =>
      Math.hypot(a.geometry.coordinates[0]! - b.geometry.coordinates[0]!, a.geometry.coordinates[1]! - b.geometry.coordinates[1]!) > 0.05;
    // An innovation alone at its spot (no other point nor stop marker within ~5 km), so the click hits it.
    const alone = innovations.find((f) => f.properties.site_web.startsWith('http')
      && innovations.every((g) => g === f || apart(f, g)) && etapes.every((e) => apart(f, e)));
    expect(alone).toBeDefined();
    const [lon, lat] = alone!.geometry.coordinates as [number, number];
    const query = serializeUrlState({ filters: EMPTY_FILTERS, selection: null, view: { center: [lon, lat], zoom: 11 } });
    const app = await openApp(`/?${query}`);
    try {
      await waitForMapIdle(app.page);
      const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
      await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => app.page.locator('.carte-infobulle strong').textContent()).toBe(alone!.properties.titre);
      await app.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const heading = app.page.getByRole('heading', { level: 2, name: alone!.properties.titre });
      await expect.poll(() => heading.count()).toBe(1);
      const link = app.page.locator('section.detail a[href^="http"]');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await app.page.locator('section.detail').textContent()).toMatch(/\d+,\d{4}° [NS], \d+,\d{4}° [EO]/);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('zooms into a cluster when it is clicked', async () => {
    const { innovations, etapes } = builtData();
    const d = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
    // Two close points with nothing else (point or stop marker) around: one cluster of 2 between them.
    let pair: [number[], number[]] | null = null;
    for (const a of innovations) {
      for (const b of innovations) {
        if (a === b) continue;
        const [pa, pb] = [a.geometry.coordinates, b.geometry.coordinates];
        const mid = [(pa[0]! + pb[0]!) / 2, (pa[1]! + pb[1]!) / 2];
        // At zoom 6 a degree is about 90 px: the pair is within the 40 px cluster radius, the rest well apart.
        const close = d(pa, pb) > 0.01 && d(pa, pb) < 0.3;
        const isolated = innovations.every((c) => c === a || c === b || d(c.geometry.coordinates, mid) > 0.8)
          && etapes.every((e) => d(e.geometry.coordinates, mid) > 0.6);
        if (close && isolated) pair = [pa, pb];
      }
    }
    expect(pair).not.toBeNull();
    const center: [number, number] = [(pair![0][0]! + pair![1][0]!) / 2, (pair![0][1]! + pair![1][1]!) / 2];
    const query = serializeUrlState({ filters: EMPTY_FILTERS, selection: null, view: { center, zoom: 6 } });
    const app = await openApp(`/?${query}`);
    try {
      await waitForMapIdle(app.page);
      const box = (await app.page.locator('canvas.maplibregl-canvas').boundingBox())!;
      await app.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const zoomInUrl = () => Number(new URL(app.page.url()).searchParams.get('carte')?.split('/')[0] ?? NaN);
      await expect.poll(zoomInUrl, { timeout: 15_000 }).toBeGreaterThan(6.5);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('records a carto:filter measure once the map has followed a filter change', async () => {
    const app = await openApp('/');
    try {
      await waitForMapIdle(app.page);
      await openFilterGroup(app.page, 'Thèmes');
      await app.page.locator('.panneau input[type="checkbox"]').first().check();
      await app.page.waitForFunction(() => performance.getEntriesByName('carto:filter').length > 0, undefined, { timeout: 30_000 });
      expect(await app.page.evaluate(() => performance.getEntriesByName('carto:filter-start', 'mark').length)).toBe(0);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('map explorer, department chosen outside the map', () => {
  it('brings a department selected from a link into view', async () => {
    const { departements } = builtData();
    const zone = departements.features.find((f) => f.properties.code === '974' && f.properties.role === 'zone')!;
    const [w, s, e, n] = bbox(zone);
    const query = serializeUrlState({
      filters: EMPTY_FILTERS, selection: { kind: 'departement', id: '974' }, view: { center: [2.35, 48.85], zoom: 8 },
    });
    const app = await openApp(`/?${query}`);
    try {
      await waitForMapIdle(app.page);
      const centre = async () => {
        const [, lat, lon] = (new URL(app.page.url()).searchParams.get('carte') ?? '0/0/0').split('/').map(Number);
        return lon! >= w && lon! <= e && lat! >= s && lat! <= n;
      };
      await expect.poll(centre, { timeout: 15_000 }).toBe(true);
      expect(await app.page.getByRole('heading', { level: 2, name: 'La Réunion' }).count()).toBe(1);
    } finally {
      await app.close();
    }
  });
});

describe('map explorer, opened on a shared link to an innovation', () => {
  it('lands on the innovation without flying there from the national view', async () => {
    const innovation = builtData().innovations[0]!;
    const app = await openApp('/about:blank');
    try {
      // Every distance the scale bar shows before the map first comes on screen: a flight
      // (drawn out of sight, frame after frame, each one seconds of work for a software renderer)
      // goes through every zoom between the national view and the innovation's.
      await app.page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { scales: string[] }).scales = seen;
        new MutationObserver((_, observer) => {
          const map = document.querySelector('.carte');
          const scale = map?.querySelector('.maplibregl-ctrl-scale')?.textContent;
          if (scale && seen.at(-1) !== scale) seen.push(scale);
          if (map?.querySelector('.maplibregl-canvas') && !map.classList.contains('carte-en-preparation')) observer.disconnect();
        }).observe(document, { subtree: true, attributes: true, childList: true, characterData: true });
      });
      await app.page.goto(`${app.origin}/?selection=innovation:${innovation.properties.id}`);
      await waitForMapIdle(app.page);
      const scales = await app.page.evaluate(() => (window as unknown as { scales: string[] }).scales);
      // At most the national view's distance, then the innovation's (a few km).
      expect(scales.length, scales.join(' → ')).toBeLessThanOrEqual(2);
      expect(Number.parseInt(scales.at(-1)!, 10)).toBeLessThanOrEqual(20);
      expect(await app.page.locator('#detail-innovation-titre').textContent()).toBe(innovation.properties.titre);
    } finally {
      await app.close();
    }
  });
});

describe('map explorer on a phone', () => {
  it('keeps the map, the stop and its detail on screen: the detail a sheet under the map, the stop above it', async () => {
    const viewport = { width: 390, height: 844 };
    const app = await openApp('/', { viewport });
    try {
      await waitForMapIdle(app.page);
      await screenshot(app.page, 'telephone-vue-nationale');
      const marker = app.page.getByRole('button', { name: /Laon \(Aisne\)$/ });
      await marker.click();
      const detail = panelDetail(app.page);
      await expect.poll(() => detail.isVisible()).toBe(true);
      const sheet = (await app.page.locator('#panneau').boundingBox())!;
      expect(sheet.x).toBeGreaterThanOrEqual(0);
      expect(sheet.x + sheet.width).toBeLessThanOrEqual(viewport.width);
      expect(sheet.y + sheet.height).toBeLessThanOrEqual(viewport.height);
      // The sheet leaves the top of the map in view, with the stop's badge in it.
      expect(sheet.y).toBeGreaterThan(viewport.height * 0.3);
      await expect.poll(async () => {
        const badge = (await marker.boundingBox())!;
        return badge.y >= 0 && badge.y + badge.height <= sheet.y;
      }, { timeout: 15_000 }).toBe(true);
      await screenshot(app.page, 'telephone-etape-ouverte');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('map explorer with a missing data file', () => {
  it('says in French which file is missing; the map keeps its outlines and shows no innovation', async () => {
    const app = await openApp('/');
    try {
      // The points worker's request goes through the context, like the page's own.
      await app.page.context().route('**/data/points.bin', (route) => route.fulfill({ status: 404, body: 'introuvable' }));
      await app.page.reload();
      const alert = app.page.getByRole('alert');
      await expect.poll(() => alert.count()).toBe(1);
      expect(await alert.textContent()).toMatch(/Le fichier de données points\.bin est introuvable/);
      expect(await app.page.locator('button.etape-marqueur').count()).toBe(0);
      expect(await app.page.getByRole('listbox', { name: 'Résultats' }).count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
