/**
 * The density view and the replayed tour in the built app. Frames are counted by wrapping WebGL's
 * clear() of the page's canvas (MapLibre clears it once per frame drawn); stops are the markers'
 * buttons. Expected values come from the built data (dist/data).
 */
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtData, narrowingTheme, openApp, screenshot, waitForMapIdle, type OpenedApp } from './harness';
import { etapesInDateOrder } from '../../src/domain/route';
import { formatDate } from '../../src/domain/presentation';
import { TOUR_STEP_MS } from '../../src/components/TourReplay';

/** Counts the frames MapLibre draws on the page's canvas (clears of the default framebuffer). */
function countFrames(): void {
  let frames = 0;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const clear = proto.clear;
    proto.clear = function (this: WebGLRenderingContext, mask: number) {
      if ((mask & this.COLOR_BUFFER_BIT) !== 0 && this.getParameter(this.FRAMEBUFFER_BINDING) === null) frames++;
      return clear.call(this, mask);
    };
  }
  Object.defineProperty(window, 'cartoFrames', { get: () => frames });
}

/** Unfolds a group of the filter panel (Thèmes, Secteurs, Années…) when it is folded. */
async function openFilterGroup(page: Page, label: string): Promise<void> {
  const button = page.locator('button.filtres-onglet', { hasText: label });
  if ((await button.count()) === 0) return;
  if ((await button.first().getAttribute('aria-expanded')) !== 'true') await button.first().click();
}

const frames = (page: Page) => page.evaluate(() => (window as unknown as { cartoFrames: number }).cartoFrames);
const filterMeasures = (page: Page) => page.evaluate(() => performance.getEntriesByName('carto:filter').length);

/** Frames drawn from `act` until the map has drawn the filter answer (the carto:filter measure). */
async function framesForFilterChange(page: Page, act: () => Promise<void>): Promise<number> {
  await page.waitForTimeout(300);
  const measures = await filterMeasures(page);
  const before = await frames(page);
  await act();
  await expect.poll(() => filterMeasures(page), { timeout: 20_000 }).toBeGreaterThan(measures);
  return (await frames(page)) - before;
}

/** Pixels of the map canvas in the density view's blues (heat), counted on a screenshot. */
async function bluePixels(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.locator('canvas.maplibregl-canvas').screenshot());
  let n = 0;
  for (let k = 0; k < png.data.length; k += 4) {
    const [r, g, b] = [png.data[k]!, png.data[k + 1]!, png.data[k + 2]!];
    if (b - r > 60 && b - g > 25 && r < 120) n++;
  }
  return n;
}

describe('density view', () => {
  let app: OpenedApp;
  const theme = narrowingTheme();

  beforeAll(async () => {
    app = await openApp('/');
    await app.page.addInitScript(countFrames);
    await app.page.reload();
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('draws one frame per filter change with points', async () => {
    const page = app.page;
    const box = page.getByRole('checkbox', { name: new RegExp(`^${theme.libelle}`) });
    await openFilterGroup(page, 'Thèmes');
    // The first change also draws what the first filter pass brings once (measured: one more frame).
    await framesForFilterChange(page, () => box.check());
    const drawn = await framesForFilterChange(page, () => box.uncheck());
    console.info(`Images dessinées pour un changement de filtre, vue en points : ${drawn}`);
    expect(drawn).toBe(1);
  });

  it('the density toggle draws a heatmap of the clusters over the choropleth, with its own legend', async () => {
    const page = app.page;
    const container = page.locator('.carte');
    const pointsBlue = await bluePixels(page);
    await page.getByRole('radio', { name: 'Densité' }).check();
    await expect.poll(() => container.getAttribute('data-affichage')).toBe('densite');
    await expect.poll(async () => Number(await container.getAttribute('data-densite-points'))).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await expect.poll(() => bluePixels(page)).toBeGreaterThan(Math.max(300, pointsBlue * 3));
    const legend = page.getByRole('region', { name: 'Légende de la carte' });
    expect(await legend.textContent()).toContain("Densité d'innovations dans la vue");
    expect(await legend.textContent()).not.toContain("groupe d'innovations");
    // The choropleth stays beneath: its legend is still there.
    expect(await legend.textContent()).toContain('Innovations par département');
    await screenshot(page, 'densite');
  });

  it('follows the filters in the density view, shades and heat changing in the same frame', async () => {
    const page = app.page;
    const container = page.locator('.carte');
    const all = Number(await container.getAttribute('data-densite-points'));
    await openFilterGroup(page, 'Thèmes');
    const drawn = await framesForFilterChange(page, () => page.getByRole('checkbox', { name: new RegExp(`^${theme.libelle}`) }).check());
    console.info(`Images dessinées pour un changement de filtre, vue en densité : ${drawn}`);
    // MapLibre redraws once when the heatmap's new data is announced (the same picture), then once
    // with the new heat, shades and route together.
    expect(drawn).toBeGreaterThanOrEqual(1);
    expect(drawn).toBeLessThanOrEqual(2);
    await expect.poll(async () => Number(await container.getAttribute('data-densite-points'))).not.toBe(all);
  });

  it('goes back to points', async () => {
    const page = app.page;
    await page.getByRole('radio', { name: 'Points' }).check();
    await expect.poll(() => page.locator('.carte').getAttribute('data-affichage')).toBe('grappes');
    expect(await page.locator('.carte').getAttribute('data-densite-points')).toBeNull();
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('tour replayed', () => {
  let app: OpenedApp;
  const etapes = etapesInDateOrder(builtData().etapes);
  const markers = (page: Page) => page.locator('.carte button.etape-marqueur').count();
  const playButton = (page: Page) => page.getByRole('region', { name: 'Rejouer la tournée' }).locator('.tournee-lecture');

  beforeAll(async () => {
    app = await openApp('/');
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows 1, then 2, … then 12 stops in date order, with the date, and ends', async () => {
    const page = app.page;
    expect(etapes).toHaveLength(12);
    await expect.poll(() => markers(page)).toBe(12);
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { etapesVues: number[] }).etapesVues = seen;
      new MutationObserver(() => {
        const n = document.querySelectorAll('.carte button.etape-marqueur').length;
        if (seen.at(-1) !== n) seen.push(n);
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Rejouer la tournée' }).click();
    const panel = page.getByRole('region', { name: 'Rejouer la tournée' });
    await panel.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Pause');
    await expect.poll(() => markers(page)).toBe(1);
    expect(await panel.textContent()).toContain(`Étape 1 sur 12 · ${formatDate(etapes[0]!.properties.date)}`);
    expect(await page.locator('.carte button.etape-marqueur.est-courante').getAttribute('data-etape-id')).toBe(etapes[0]!.properties.id);
    await expect.poll(() => markers(page), { timeout: 3 * TOUR_STEP_MS }).toBe(4);
    await screenshot(page, 'tournee');
    await expect.poll(() => markers(page), { timeout: 12 * TOUR_STEP_MS }).toBe(12);
    expect(await panel.textContent()).toContain(`Étape 12 sur 12 · ${formatDate(etapes[11]!.properties.date)}`);
    await expect.poll(() => playButton(page).textContent()).toContain('Lecture');
    const seen = await page.evaluate(() => (window as unknown as { etapesVues: number[] }).etapesVues);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('stops on a click on the map', async () => {
    const page = app.page;
    await playButton(page).click();
    await expect.poll(() => markers(page)).toBe(1);
    await expect.poll(() => markers(page), { timeout: 3 * TOUR_STEP_MS }).toBe(2);
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.9);
    const shown = await markers(page);
    expect(await playButton(page).textContent()).toContain('Lecture');
    await page.waitForTimeout(TOUR_STEP_MS * 2);
    expect(await markers(page)).toBe(shown);
  });

  it('steps with the buttons, and quits with Escape, giving focus back', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Rejouer la tournée' });
    const shown = await markers(page);
    await panel.getByRole('button', { name: 'Suivante' }).click();
    await expect.poll(() => markers(page)).toBe(shown + 1);
    await panel.getByRole('button', { name: 'Précédente' }).click();
    await expect.poll(() => markers(page)).toBe(shown);
    await panel.getByRole('button', { name: 'Suivante' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => markers(page)).toBe(shown + 1);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => markers(page)).toBe(12);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Rejouer la tournée');
  });

  it('moves the camera without animation for people who asked for less motion', async () => {
    const page = app.page;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByRole('button', { name: 'Rejouer la tournée' }).click();
    const panel = page.getByRole('region', { name: 'Rejouer la tournée' });
    await panel.getByRole('button', { name: 'Pause' }).click();
    await page.waitForTimeout(300);
    const carte = () => new URL(page.url()).searchParams.get('carte');
    const before = carte();
    await panel.getByRole('button', { name: 'Suivante' }).click();
    // An animated flight takes over a second before the view (and the link) change.
    await expect.poll(carte, { timeout: 600, interval: 50 }).not.toBe(before);
    await panel.getByRole('button', { name: 'Quitter' }).click();
    expect(app.consoleErrors).toEqual([]);
  });
});
