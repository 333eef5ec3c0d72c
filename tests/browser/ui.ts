/**
 * What the browser tests do often with the page's controls, as a person would: unfold a group of
 * filters before ticking one of its boxes, read the stop detail in the side panel, and reach the
 * map's own state for what only the canvas shows (rendered features).
 */
import type { Locator, Page } from 'playwright-core';

export type FilterGroup = 'Thèmes' | 'Secteurs' | 'Territoire' | 'Années' | 'Étapes' | 'Themes' | 'Sectors' | 'Territory' | 'Years' | 'Stops';

/** Unfolds one group of filters (the others fold), as a click on its button does. */
export async function openFilterGroup(page: Page, group: FilterGroup): Promise<void> {
  const button = page.locator('.filtres-onglet', { hasText: new RegExp(`^${group}`) });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Unfolds the export section (between the count and the list), as a click on "Exporter" does. */
export async function openExport(page: Page): Promise<void> {
  const button = page.locator('#export-titre');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** The checkbox of a theme or sector whose label starts with `label`, its group unfolded. */
export async function filterCheckbox(page: Page, group: 'Thèmes' | 'Secteurs', label: string): Promise<Locator> {
  await openFilterGroup(page, group);
  return page.getByRole('checkbox', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

/** The detail shown in the side panel (innovation, department or stop). */
export const panelDetail = (page: Page) => page.locator('#panneau section.detail');

/** A circle the points layer draws (CSS px from the map's top left). */
export interface DrawnCircle {
  x: number;
  y: number;
  r: number;
  count: number;
}

/** The clusters and points drawn now, in screen pixels (read from the map's test hook). */
export function drawnCircles(page: Page): Promise<DrawnCircle[]> {
  return page.evaluate(() => (document.querySelector('.carte') as unknown as { carteTest: { circles(): DrawnCircle[] } }).carteTest.circles());
}

/**
 * The part of MapLibre's map the tests read, inside page.evaluate:
 * `(document.querySelector('.carte') as unknown as CarteTest).carteTest.map`. (The page's CSP
 * forbids building functions from text, so each test writes its own evaluation.)
 */
export interface MapHandle {
  getZoom(): number;
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  isMoving(): boolean;
  loaded(): boolean;
  queryRenderedFeatures(options?: { layers?: string[] }): { properties: Record<string, unknown>; layer: { id: string } }[];
  project(lngLat: [number, number]): { x: number; y: number };
}

export interface CarteTest {
  carteTest: { map: MapHandle; circles(): DrawnCircle[] };
}

/** Waits until the map has stopped moving and has drawn what it was given. */
export async function waitForMapAtRest(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => {
    const test = (document.querySelector('.carte') as unknown as { carteTest?: { map: MapHandle } }).carteTest;
    return test !== undefined && !test.map.isMoving() && test.map.loaded();
  }, undefined, { timeout, polling: 200 });
}
