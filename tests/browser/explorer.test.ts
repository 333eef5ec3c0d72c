/**
 * The explorer's experience (issue 9), in the built app at 1440 × 900 and 390 × 844: results in
 * sight with the search box, stop badges that never hide clusters or points, context once zoomed in
 * (place names, region borders, scale), departments framed when chosen, compact overseas frames
 * clickable as a whole, the phone's map and detail sheet, the embedded map inside a page of another
 * origin, and the site's furniture (footer, pages, favicon, link preview, CSV labels). Expected
 * values are read from the built data, never written here.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DepartementIndexEntry, InsetFrameProps, Innovation, PlaceProps } from '../../src/domain/types';
import { formatDate } from '../../src/domain/presentation';
import { etapesInDateOrder } from '../../src/domain/route';
import { startStaticServer, originOf } from '../support/browser';
import { builtData, narrowingTheme, openApp, readData, screenshot, screenshotDir, waitForMapIdle, type OpenedApp } from './harness';
import { drawnCircles, openFilterGroup, panelDetail, waitForMapAtRest, type CarteTest, type DrawnCircle } from './ui';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const departementsInfo = () => readData<DepartementIndexEntry[]>('departements-infos.json');
const insetFrames = () => readData<FeatureCollection<Polygon, InsetFrameProps>>('insets.geojson').features;

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Boxes (CSS px, from the map's top left) of the stop badges on screen. */
function badgeBoxes(page: Page): Promise<{ id: string; left: number; top: number; right: number; bottom: number }[]> {
  return page.evaluate(() => {
    const frame = document.querySelector('.carte')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.etape:not(.est-couverte) .etape-marqueur')].map((b) => {
      const r = b.getBoundingClientRect();
      return { id: b.dataset.etapeId ?? '', left: r.left - frame.left, top: r.top - frame.top, right: r.right - frame.left, bottom: r.bottom - frame.top };
    }).filter((b) => b.right > 0 && b.bottom > 0 && b.left < frame.width && b.top < frame.height);
  });
}

/** What hides what: each badge against every drawn circle and every other badge (half a pixel of rounding allowed). */
function overlaps(badges: Awaited<ReturnType<typeof badgeBoxes>>, circles: readonly DrawnCircle[]): string[] {
  const found: string[] = [];
  for (const b of badges) {
    for (const c of circles) {
      const dx = Math.max(b.left - c.x, 0, c.x - b.right);
      const dy = Math.max(b.top - c.y, 0, c.y - b.bottom);
      if (Math.hypot(dx, dy) < c.r - 0.5) found.push(`étape ${b.id} sur ${c.count > 1 ? `un groupe de ${c.count}` : 'un point'} en ${Math.round(c.x)},${Math.round(c.y)}`);
    }
    for (const o of badges) {
      if (o.id <= b.id) continue;
      if (b.left < o.right - 0.5 && o.left < b.right - 0.5 && b.top < o.bottom - 0.5 && o.top < b.bottom - 0.5) found.push(`étape ${b.id} sur l'étape ${o.id}`);
    }
  }
  return found;
}

/** The map's camera box, [west, south, east, north]. */
function mapBounds(page: Page): Promise<[number, number, number, number]> {
  return page.evaluate(() => {
    const b = (document.querySelector('.carte') as unknown as CarteTest).carteTest.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [number, number, number, number];
  });
}

/** Whether `inner` lies in `outer` and fills at least `share` of its width or height. */
function frames(outer: readonly number[], inner: readonly number[], share: number): boolean {
  const [ow, os, oe, on] = outer as [number, number, number, number];
  const [iw, is, ie, inn] = inner as [number, number, number, number];
  const inside = iw >= ow - 1e-6 && ie <= oe + 1e-6 && is >= os - 1e-6 && inn <= on + 1e-6;
  return inside && ((ie - iw) / (oe - ow) >= share || (inn - is) / (on - os) >= share);
}

/** Names of the symbols MapLibre placed in a style layer (collisions left out). */
function renderedNames(page: Page, layer: string, property: string): Promise<string[]> {
  return page.evaluate(([id, key]) => (document.querySelector('.carte') as unknown as CarteTest).carteTest.map
    .queryRenderedFeatures({ layers: [id!] }).map((f) => String(f.properties[key!])), [layer, property] as const);
}

describe('side panel: results in sight', () => {
  it('1440×900: the search box, the count and at least 8 result rows are in view together, without scrolling', async () => {
    app = await openApp('/', { viewport: DESKTOP });
    const { page } = app;
    await waitForMapIdle(page);
    await page.locator('.resultats-ligne').first().waitFor();
    const panel = (await page.locator('#panneau').boundingBox())!;
    const bottom = Math.min(panel.y + panel.height, DESKTOP.height);
    const search = (await page.getByLabel('Rechercher').boundingBox())!;
    const count = (await page.locator('.resultats-compte').boundingBox())!;
    for (const box of [search, count]) expect(box.y >= panel.y && box.y + box.height <= bottom).toBe(true);
    const rows = await page.locator('.resultats-ligne').evaluateAll((els, limit) => els.filter((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= limit;
    }).length, bottom);
    expect(rows).toBeGreaterThanOrEqual(8);
    // Nothing scrolled to get there: the page does not scroll, nor does the panel.
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    expect(await page.locator('#panneau').evaluate((el) => el.scrollTop)).toBe(0);
    await screenshot(page, 'panneau-1440');
  });

  it('has one scroll container: the list scrolls with the panel, never inside it', async () => {
    app = await openApp('/', { viewport: DESKTOP });
    await waitForMapIdle(app.page);
    const list = app.page.locator('.resultats-liste');
    await list.waitFor();
    const own = await list.evaluate((el) => ({ overflow: getComputedStyle(el).overflowY, extra: el.scrollHeight - el.clientHeight }));
    expect(own.overflow).toBe('visible');
    expect(own.extra).toBeLessThanOrEqual(0);
    expect(await app.page.locator('#panneau').evaluate((el) => el.scrollHeight > el.clientHeight && getComputedStyle(el).overflowY === 'auto')).toBe(true);
  });

  it('folds the filters into one row of buttons and keeps the active ones in view as chips', async () => {
    app = await openApp('/', { viewport: DESKTOP });
    const { page } = app;
    await waitForMapIdle(page);
    const theme = narrowingTheme();
    await openFilterGroup(page, 'Thèmes');
    await page.getByRole('checkbox', { name: new RegExp(`^${theme.libelle}`) }).check();
    const button = page.locator('.filtres-onglet', { hasText: /^Thèmes/ });
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('checkbox', { name: new RegExp(`^${theme.libelle}`) }).isVisible()).toBe(false);
    expect(await button.textContent()).toContain('1');
    const chip = page.getByRole('button', { name: `Retirer le filtre Thème : ${theme.libelle}` });
    expect(await chip.isVisible()).toBe(true);
    const rows = await page.locator('.resultats-ligne').evaluateAll((els, h) => els.filter((el) => el.getBoundingClientRect().bottom <= h).length, DESKTOP.height);
    // The chips take a line: the list still shows most of a screen of results.
    expect(rows).toBeGreaterThanOrEqual(Math.min(7, theme.n));
  });
});

describe('map legibility', () => {
  for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`${device}: stop badges never hide a cluster, a point or another badge, in the national view and zoomed on the densest cluster`, async () => {
      app = await openApp('/', { viewport });
      const { page } = app;
      await waitForMapIdle(page);
      await waitForMapAtRest(page);
      const national = await drawnCircles(page);
      expect(national.length).toBeGreaterThan(0);
      const badges = await badgeBoxes(page);
      expect(badges.length).toBe(builtData().etapes.length);
      expect(overlaps(badges, national)).toEqual([]);
      await screenshot(page, `etapes-sans-chevauchement-${device}`);

      const densest = national.reduce((a, b) => (b.count > a.count ? b : a));
      expect(densest.count).toBeGreaterThan(1);
      const zoomBefore = await page.evaluate(() => (document.querySelector('.carte') as unknown as CarteTest).carteTest.map.getZoom());
      const frame = (await page.locator('.carte').boundingBox())!;
      await page.mouse.click(frame.x + densest.x, frame.y + densest.y);
      await expect.poll(() => page.evaluate(() => (document.querySelector('.carte') as unknown as CarteTest).carteTest.map.getZoom()), { timeout: 15_000 })
        .toBeGreaterThan(zoomBefore + 0.1);
      await waitForMapAtRest(page);
      // Once the worker's clusters of the new view are drawn and the badges placed around them.
      await expect.poll(async () => overlaps(await badgeBoxes(page), await drawnCircles(page)), { timeout: 15_000 }).toEqual([]);
      expect((await badgeBoxes(page)).length).toBeGreaterThan(0);
      expect((await drawnCircles(page)).length).toBeGreaterThan(0);
      await screenshot(page, `etapes-grappe-zoomee-${device}`);
    });
  }

  it('tells a stop from a cluster: flag badges of their own colour, said so by the legend', async () => {
    app = await openApp('/', { viewport: DESKTOP });
    await waitForMapIdle(app.page);
    const badge = app.page.locator('.etape-marqueur').first();
    const style = await badge.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, radius: getComputedStyle(el).borderTopLeftRadius, flag: getComputedStyle(el, '::before').content }));
    expect(style.background).toBe('rgb(91, 42, 134)');
    expect(style.radius).not.toBe('50%');
    expect(style.flag).toContain('⚑');
    const legend = await app.page.locator('.legende').textContent();
    expect(legend).toMatch(/étape n° 1 de la tournée/);
    expect(legend).toMatch(/groupe d'innovations/);
    expect(legend).toMatch(/sens du parcours/);
  });

  it('shows the direction of each leg, never a leg the tour did not take, and hides the route on demand', async () => {
    const theme = narrowingTheme();
    app = await openApp(`/?theme=${theme.id}`, { viewport: DESKTOP });
    const { page } = app;
    await waitForMapIdle(page);
    const ordered = etapesInDateOrder(builtData().etapes);
    const shown = new Set(ordered.filter((e) => e.properties.themes.includes(theme.id)).map((e) => e.properties.id));
    // A leg leads to the stop of rank k from the one before it: drawn when both are shown.
    const expected = ordered.flatMap((e, k) => (k > 0 && shown.has(e.properties.id) && shown.has(ordered[k - 1]!.properties.id) ? [k + 1] : []));
    const legState = () => page.evaluate((count) => {
      const map = (document.querySelector('.carte') as unknown as { carteTest: { map: { getFeatureState(f: object): { visible?: boolean } } } }).carteTest.map;
      return Array.from({ length: count - 1 }, (_, i) => i + 2).filter((leg) => map.getFeatureState({ source: 'parcours', id: leg }).visible === true);
    }, ordered.length);
    await expect.poll(legState).toEqual(expected);
    expect(await page.evaluate(() => (document.querySelector('.carte') as unknown as CarteTest).carteTest.map
      .queryRenderedFeatures({ layers: ['parcours-fleches'] }).length)).toBeGreaterThan(0);
    await openFilterGroup(page, 'Étapes');
    await page.getByLabel(/Afficher le parcours/).uncheck();
    await expect.poll(legState).toEqual([]);
    expect(await page.locator('.etape-marqueur').count()).toBe(shown.size);
    await page.getByLabel(/Afficher le parcours/).check();
    await expect.poll(legState).toEqual(expected);
  });

  it('names the main places, draws region borders and a scale at a department\'s zoom, with no outside request', async () => {
    const code = '02';
    const info = departementsInfo().find((d) => d.code === code)!;
    app = await openApp(`/?departement=${code}`, { viewport: DESKTOP });
    const { page } = app;
    await waitForMapIdle(page);
    await expect.poll(async () => frames(await mapBounds(page), info.bbox, 0.4), { timeout: 20_000 }).toBe(true);
    await waitForMapAtRest(page);
    const zoom = await page.evaluate(() => (document.querySelector('.carte') as unknown as CarteTest).carteTest.map.getZoom());
    const [w, s, e, n] = info.bbox;
    const places = readData<FeatureCollection<Point, PlaceProps>>('contexte.geojson').features
      .filter((f) => f.properties.role === 'lieu' && f.properties.zoom <= Math.floor(zoom))
      .filter((f) => { const [x, y] = f.geometry.coordinates as [number, number]; return x >= w && x <= e && y >= s && y <= n; })
      .sort((a, b) => a.properties.rang - b.properties.rang);
    expect(places.length).toBeGreaterThanOrEqual(3);
    await expect.poll(() => renderedNames(page, 'contexte-lieux-noms', 'nom'), { timeout: 15_000 }).toContain(places[0]!.properties.nom);
    const named = new Set(await renderedNames(page, 'contexte-lieux-noms', 'nom'));
    expect(places.filter((p) => named.has(p.properties.nom)).length).toBeGreaterThanOrEqual(3);
    expect((await renderedNames(page, 'contexte-regions', 'role')).length).toBeGreaterThan(0);
    expect(await page.locator('.maplibregl-ctrl-scale').textContent()).toMatch(/^\d+\sk?m$/u);
    await screenshot(page, 'departement-02-communes');
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('frames a department chosen in the filters, and an overseas one chosen by a link on its whole inset frame', async () => {
    const deps = departementsInfo();
    const metro = deps.find((d) => d.code === '35')!;
    app = await openApp('/', { viewport: DESKTOP });
    const { page } = app;
    await waitForMapIdle(page);
    await openFilterGroup(page, 'Territoire');
    const field = page.getByRole('combobox', { name: 'Département', exact: true });
    await field.fill(metro.nom);
    await field.press('Enter');
    await expect.poll(async () => frames(await mapBounds(page), metro.bbox, 0.4), { timeout: 20_000 }).toBe(true);
    await app.close();
    app = undefined;

    const frame = insetFrames().find((f) => f.properties.code === '974')!;
    const ring = frame.geometry.coordinates[0]!;
    const box = [Math.min(...ring.map((p) => p[0]!)), Math.min(...ring.map((p) => p[1]!)), Math.max(...ring.map((p) => p[0]!)), Math.max(...ring.map((p) => p[1]!))];
    app = await openApp('/?selection=departement:974', { viewport: DESKTOP });
    await waitForMapIdle(app.page);
    await expect.poll(async () => frames(await mapBounds(app!.page), box, 0.5), { timeout: 30_000 }).toBe(true);
  });

  it('keeps the overseas frames compact, every name written and clickable as a whole frame', async () => {
    app = await openApp('/', { viewport: DESKTOP });
    const { page } = app;
    await waitForMapIdle(page);
    await waitForMapAtRest(page);
    const insets = insetFrames();
    const corners = await page.evaluate((rings) => {
      const map = (document.querySelector('.carte') as unknown as CarteTest).carteTest.map;
      return rings.map((ring) => ring.map((p) => map.project(p as [number, number])));
    }, insets.map((f) => f.geometry.coordinates[0]!));
    const xs = corners.flat().map((p) => p.x);
    const mapWidth = (await page.locator('.carte').boundingBox())!.width;
    // France and the frames fill the view: the frames take no more than about a fifth of it.
    const nationalWidth = await page.evaluate(() => {
      const map = (document.querySelector('.carte') as unknown as CarteTest).carteTest.map;
      return map.project([9.6, 42]).x;
    }) - Math.min(...xs);
    expect((Math.max(...xs) - Math.min(...xs)) / nationalWidth).toBeLessThanOrEqual(0.21);
    expect(Math.max(...xs)).toBeLessThan(mapWidth);
    expect(new Set(await renderedNames(page, 'encarts-noms', 'code'))).toEqual(new Set(insets.map((f) => f.properties.code)));

    // A click in the sea of a frame, away from its island, selects the territory.
    const spm = insets.findIndex((f) => f.properties.code === '975');
    const ring = corners[spm]!;
    const [left, right] = [Math.min(...ring.map((p) => p.x)), Math.max(...ring.map((p) => p.x))];
    const [top, bottom] = [Math.min(...ring.map((p) => p.y)), Math.max(...ring.map((p) => p.y))];
    const frameBox = (await page.locator('.carte').boundingBox())!;
    await page.mouse.click(frameBox.x + right - (right - left) * 0.08, frameBox.y + bottom - (bottom - top) * 0.08);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: insets[spm]!.properties.nom }).count()).toBe(1);
  });
});

describe('phone 390×844', () => {
  it('fills the height with the national view, legend folded, every frame name written', async () => {
    app = await openApp('/', { viewport: PHONE });
    const { page } = app;
    await waitForMapIdle(page);
    await waitForMapAtRest(page);
    const map = (await page.locator('.carte').boundingBox())!;
    const header = (await page.locator('.entete').boundingBox())!;
    const bar = (await page.locator('.bascule-telephone').boundingBox())!;
    // Between the header and the switch, only the folded legend's line is not map.
    expect(map.height).toBeGreaterThanOrEqual(bar.y - (header.y + header.height) - 48);
    expect(await page.getByRole('button', { name: /^Légende/ }).getAttribute('aria-expanded')).toBe('false');
    expect(new Set(await renderedNames(page, 'encarts-noms', 'code'))).toEqual(new Set(insetFrames().map((f) => f.properties.code)));
  });

  it('shows the point of a result chosen in the list in the part of the map above the detail sheet', async () => {
    app = await openApp('/', { viewport: PHONE });
    const { page } = app;
    await waitForMapIdle(page);
    await page.getByRole('button', { name: /^Filtres et liste/ }).click();
    const row = page.locator('.resultats-ligne[data-id]').nth(2);
    const id = (await row.getAttribute('data-id'))!;
    await row.click();
    await panelDetail(page).waitFor();
    const innovation = readData<FeatureCollection<Point, Innovation>>('innovations.geojson').features.find((f) => f.properties.id === id)!;
    const where = () => page.evaluate((p) => (document.querySelector('.carte') as unknown as CarteTest).carteTest.map.project(p), innovation.geometry.coordinates as [number, number]);
    await waitForMapAtRest(page);
    const sheet = (await page.locator('#panneau').boundingBox())!;
    const map = (await page.locator('.carte').boundingBox())!;
    await expect.poll(async () => {
      const p = await where();
      return p.x > 0 && p.x < PHONE.width && map.y + p.y > map.y && map.y + p.y < sheet.y;
    }, { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'telephone-resultat-choisi');
  });
});

describe('embedded in another site', () => {
  let host: Server | undefined;
  afterAll(async () => {
    if (!host) return;
    host.closeAllConnections();
    await new Promise<void>((resolve) => host!.close(() => resolve()));
  });

  it('works in an iframe of another origin, without header, and its link to the full map keeps the filters', async () => {
    const theme = narrowingTheme();
    app = await openApp('/', { viewport: DESKTOP });
    const appOrigin = app.origin;
    const dir = mkdtempSync(path.join(tmpdir(), 'hote-'));
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site partenaire</title></head>
<body><h1>Un site partenaire</h1><iframe src="${appOrigin}/?theme=${theme.id}&amp;integration=1" title="Cartographie TIC des territoires" width="1000" height="640" style="border:0"></iframe></body></html>`);
    host = await startStaticServer(dir);
    const hostOrigin = originOf(host);
    expect(hostOrigin).not.toBe(appOrigin);
    const context = await app.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.goto(`${hostOrigin}/`);
      const frame = page.frameLocator('iframe');
      const inner = page.frames().find((f) => f.url().startsWith(appOrigin))!;
      await inner.waitForFunction(() => performance.getEntriesByName('carto:first-idle').length > 0, undefined, { timeout: 60_000 });
      // No header band nor footer: the title is there for screen readers only (a 1 px box).
      expect((await frame.locator('h1').boundingBox())!.height).toBeLessThanOrEqual(1);
      expect(await frame.locator('.entete-sous-titre').count()).toBe(0);
      expect(await frame.locator('footer').count()).toBe(0);
      expect(Number(await frame.locator('.resultats-compte').getAttribute('data-count')))
        .toBe(builtData().innovations.filter((i) => i.properties.themes.includes(theme.id)).length);
      const link = frame.getByRole('link', { name: /Ouvrir la carte en grand/ });
      const href = new URL((await link.getAttribute('href'))!, appOrigin);
      expect(href.origin).toBe(appOrigin);
      expect(href.searchParams.getAll('theme')).toEqual([theme.id]);
      expect(href.searchParams.has('integration')).toBe(false);
      expect(await link.getAttribute('target')).toBe('_blank');
      // The embed flag stays in the frame's own address as the filters change.
      expect(new URL(inner.url()).searchParams.get('integration')).toBe('1');
      await page.screenshot({ path: path.join(screenshotDir, 'integration-hote.png') });
    } finally {
      await context.close();
    }
  });

  it('gives the iframe code with the current filters in the « Intégrer » dialog', async () => {
    const theme = narrowingTheme();
    app = await openApp(`/?theme=${theme.id}`, { viewport: DESKTOP });
    const { page } = app;
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Exporter', exact: true }).click();
    await page.getByRole('button', { name: 'Intégrer la carte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Intégrer la carte à un site' });
    await dialog.waitFor();
    const code = await dialog.getByLabel('Code à coller').inputValue();
    const src = /<iframe src="([^"]+)" title="([^"]+)"/.exec(code)!;
    const url = new URL(src[1]!.replace(/&amp;/g, '&'));
    expect(url.origin).toBe(app.origin);
    expect(url.searchParams.getAll('theme')).toEqual([theme.id]);
    expect(url.searchParams.get('integration')).toBe('1');
    expect(src[2]).toBe('Cartographie TIC des territoires');
    await screenshot(page, 'dialogue-integrer');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });
});

describe('site furniture', () => {
  it('has a footer with the data date, sources, licences, legal notice and accessibility statement, all served', async () => {
    app = await openApp('/', { viewport: DESKTOP });
    const { page } = app;
    await waitForMapIdle(page);
    const meta = readData<{ date_donnees: string }>('meta.json');
    const footer = page.getByRole('contentinfo');
    expect(await footer.textContent()).toContain(`Données mises à jour le ${formatDate(meta.date_donnees)}`);
    const links = await footer.getByRole('link').evaluateAll((els) => els.map((a) => [a.textContent ?? '', (a as HTMLAnchorElement).href]));
    expect(links.map(([text]) => text)).toEqual(['Sources et licences', 'Licences des logiciels', 'Mentions légales', 'Accessibilité : partiellement conforme']);
    const statuses = await page.evaluate(async (hrefs) => Promise.all(hrefs.map(async (h) => (await fetch(h)).status)), links.map(([, href]) => href!));
    expect(statuses).toEqual([200, 200, 200, 200]);
    await page.getByRole('link', { name: 'Accessibilité : partiellement conforme' }).click();
    await page.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
    expect(await page.locator('main').textContent()).toContain('partiellement conforme');
    // Filled in by the page from meta.json, after the static text is shown.
    await expect.poll(() => page.locator('[data-meta="date"]').first().textContent()).toBe(formatDate(meta.date_donnees));
    expect(app.foreignRequests).toEqual([]);
  });

  it('ships a favicon and a 1200×630 link preview drawn at build time', async () => {
    app = await openApp('/', { viewport: DESKTOP });
    const { page, origin } = app;
    const head = await page.evaluate(() => ({
      icon: document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href,
      image: document.querySelector<HTMLMetaElement>('meta[property="og:image"]')?.content,
      card: document.querySelector<HTMLMetaElement>('meta[name="twitter:card"]')?.content,
      title: document.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content,
    }));
    expect(head.card).toBe('summary_large_image');
    expect(head.title).toBe('Cartographie TIC des territoires');
    const icon = await fetch(head.icon!);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    const preview = PNG.sync.read(Buffer.from(await (await fetch(new URL(head.image!, `${origin}/`))).arrayBuffer()));
    expect([preview.width, preview.height]).toEqual([1200, 630]);
  });

  it('exports theme and sector labels in their own columns, beside the ids', async () => {
    app = await openApp('/', { viewport: DESKTOP, acceptDownloads: true });
    const { page } = app;
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Exporter', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8').slice(1);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const { vocabulaires } = builtData();
    const label = (list: { id: string; libelle: string }[], ids: string) => ids.split('|').filter(Boolean).map((id) => list.find((v) => v.id === id)!.libelle).join(' | ');
    expect(rows.length).toBe(builtData().innovations.length);
    for (const row of rows) {
      expect(row.themes_libelles).toBe(label(vocabulaires.themes, row.themes!));
      expect(row.secteurs_libelles).toBe(label(vocabulaires.secteurs, row.secteurs!));
    }
  });
});
