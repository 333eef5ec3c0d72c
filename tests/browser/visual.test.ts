/**
 * Visual comparison tier: six key views compared with committed reference images
 * (tests/browser/references), so that a layout regression — a panel that moves, a legend that
 * grows, a map framed differently, badges over clusters — fails a test. Within a tolerance
 * (visual.ts), regenerated with REGEN=1; see visual.ts.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { InsetFrameProps } from '../../src/domain/types';
import { EMPTY_FILTERS } from '../../src/store/appStore';
import { serializeUrlState } from '../../src/store/urlState';
import { builtData, narrowingTheme, openApp, readData, waitForMapIdle, type OpenedApp } from './harness';
import { panelDetail, waitForMapAtRest } from './ui';
import { compareWithReference, DEFAULT_TOLERANCE, steadyPage } from './visual';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The view of the overseas frames: the strip's centre, a zoom where each frame is a small map. */
function overseasView(): string {
  const frames = readData<FeatureCollection<Polygon, InsetFrameProps>>('insets.geojson').features;
  const points = frames.flatMap((f) => f.geometry.coordinates[0]!);
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  const center: [number, number] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  return serializeUrlState({ filters: EMPTY_FILTERS, selection: null, view: { center, zoom: 5.4 } });
}

interface KeyView {
  name: string;
  path: () => string;
  viewport: { width: number; height: number };
  reach?: (page: Page) => Promise<void>;
}

const laon = () => builtData().etapes.find((e) => e.properties.commune === 'Laon')!.properties.id;

const VIEWS: readonly KeyView[] = [
  { name: 'nationale', path: () => '/', viewport: DESKTOP },
  { name: 'outre-mer', path: () => `/?${overseasView()}`, viewport: DESKTOP },
  { name: 'etape-ouverte', path: () => `/?selection=etape:${laon()}`, viewport: DESKTOP, reach: (page) => panelDetail(page).waitFor() },
  { name: 'liste-filtree', path: () => `/?theme=${narrowingTheme().id}`, viewport: DESKTOP, reach: (page) => page.locator('.resultats-ligne[data-id]').first().waitFor() },
  { name: 'telephone-carte', path: () => '/', viewport: PHONE },
  {
    name: 'telephone-liste',
    path: () => '/',
    viewport: PHONE,
    reach: async (page) => {
      await page.getByRole('button', { name: /^Filtres et liste/ }).click();
      await page.locator('.resultats-ligne[data-id]').first().waitFor();
    },
  },
];

describe('key views against their reference images', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  for (const view of VIEWS) {
    it(`${view.name} (${view.viewport.width}×${view.viewport.height})`, async () => {
      app = await openApp(view.path(), { viewport: view.viewport });
      await waitForMapIdle(app.page);
      await steadyPage(app.page);
      await view.reach?.(app.page);
      await waitForMapAtRest(app.page);
      const { ratio, screenshot, regenerated } = await compareWithReference(app.page, `reference-${view.name}`);
      if (!regenerated) expect(ratio, `${screenshot} diffère de sa référence`).toBeLessThanOrEqual(DEFAULT_TOLERANCE);
      expect(app.consoleErrors).toEqual([]);
    });
  }

  it('fails on a layout change (a panel 40 px narrower)', async () => {
    app = await openApp('/', { viewport: DESKTOP });
    await waitForMapIdle(app.page);
    await steadyPage(app.page);
    await steadyPage(app.page, '.explorateur { grid-template-columns: minmax(0, 1fr) 360px !important; }');
    await waitForMapAtRest(app.page);
    if (process.env.REGEN === '1') return;
    const { ratio } = await compareWithReference(app.page, 'reference-nationale-panneau-etroit', 'reference-nationale');
    expect(ratio).toBeGreaterThan(DEFAULT_TOLERANCE);
  });
});
