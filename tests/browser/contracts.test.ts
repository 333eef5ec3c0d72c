/**
 * What other tools rely on, tested so that no change breaks it unnoticed: the side-by-side
 * benchmark (../shared/bench/side-by-side, its README "What it needs from the app") clicks each
 * theme's checkbox on a desktop-sized page as soon as the map is drawn, reads the app's own
 * measures, and feeds its peers from the built innovations.geojson and vocabulaires.json.
 */
import { describe, expect, it } from 'vitest';
import { NATIONAL_VIEW_BOUNDS } from '../../src/domain/insets';
import { builtData, openApp, waitForMapIdle } from './harness';

describe('contract with the side-by-side benchmark', () => {
  it('shows a clickable checkbox #filtre-themes-<id> for every theme at 1440×900, with no click first', async () => {
    const { vocabulaires } = builtData();
    const app = await openApp('/', { viewport: { width: 1440, height: 900 } });
    try {
      await waitForMapIdle(app.page);
      for (const theme of vocabulaires.themes) {
        const box = app.page.locator(`#filtre-themes-${theme.id}`);
        expect(await box.getAttribute('type'), theme.id).toBe('checkbox');
        expect(await box.isVisible(), `#filtre-themes-${theme.id} visible`).toBe(true);
      }
      // Ticking one records carto:filter once the map has drawn the answer.
      const first = app.page.locator(`#filtre-themes-${vocabulaires.themes[0]!.id}`);
      await first.click({ timeout: 5_000 });
      await app.page.waitForFunction(() => performance.getEntriesByName('carto:filter').length > 0, undefined, { timeout: 30_000 });
      expect(await app.page.evaluate(() => performance.getEntriesByName('carto:first-idle').length)).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('keeps innovations.geojson whole (real longitude, latitude and themes) and the theme colours', () => {
    const { innovations, vocabulaires } = builtData();
    expect(innovations.length).toBeGreaterThan(0);
    for (const { properties: p } of innovations) {
      expect(Number.isFinite(p.longitude) && Number.isFinite(p.latitude), p.id).toBe(true);
      expect(Array.isArray(p.themes), p.id).toBe(true);
    }
    for (const t of vocabulaires.themes) expect(t.couleur, t.id).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('exports the national view bounds the benchmark gives its peers', () => {
    expect(NATIONAL_VIEW_BOUNDS).toHaveLength(4);
    const [w, s, e, n] = NATIONAL_VIEW_BOUNDS;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
  });
});
