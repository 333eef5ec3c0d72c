/**
 * The phone layout: the map fills the screen between the header and a "Carte / Liste" switch, the
 * panel (search, filters, list) is the switch's other view, stop badges are touch targets of at
 * least 24 × 24 px; desktop keeps its side panel and no switch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, screenshot, waitForMapIdle, type OpenedApp } from './harness';

describe('phone layout', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 740 }]) {
    it(`${viewport.width}×${viewport.height}: map fills the screen, the switch shows the list and back`, async () => {
      app = await openApp('/', { viewport });
      const { page } = app;
      await waitForMapIdle(page);
      const map = (await page.locator('.carte').boundingBox())!;
      expect(map.height).toBeGreaterThan(viewport.height * 0.6);
      expect(map.width).toBe(viewport.width);

      const carte = page.getByRole('button', { name: 'Carte', exact: true });
      const liste = page.getByRole('button', { name: /^Filtres et liste/ });
      const switchBox = (await page.locator('.bascule-telephone').boundingBox())!;
      expect(switchBox.y + switchBox.height).toBeLessThanOrEqual(viewport.height);
      expect(await carte.getAttribute('aria-pressed')).toBe('true');

      // Twelve badges, all on screen, each a touch target of at least 24 × 24 px (WCAG 2.5.8).
      const badges = await page.locator('.etape-marqueur').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      expect(badges).toHaveLength(12);
      for (const b of badges) {
        expect(b.width).toBeGreaterThanOrEqual(24);
        expect(b.height).toBeGreaterThanOrEqual(24);
        expect(b.left >= 0 && b.right <= viewport.width && b.top >= 0 && b.bottom <= viewport.height).toBe(true);
      }
      // The legend is folded: the map keeps the height.
      expect(await page.getByRole('button', { name: /^Légende/ }).getAttribute('aria-expanded')).toBe('false');
      await screenshot(page, `telephone-${viewport.width}-carte`);

      await liste.click();
      await expect.poll(() => liste.getAttribute('aria-pressed')).toBe('true');
      // The panel now fills the area of the map, the search box and the first results in view together.
      const panel = (await page.locator('#panneau').boundingBox())!;
      const area = (await page.locator('.explorateur').boundingBox())!;
      expect(Math.abs(panel.y - area.y)).toBeLessThan(1);
      expect(Math.abs(panel.height - area.height)).toBeLessThan(1);
      const search = (await page.getByLabel('Rechercher').boundingBox())!;
      expect(search.y).toBeGreaterThanOrEqual(panel.y);
      const rows = await page.locator('.resultats-ligne').evaluateAll((els, bottom) => els.filter((el) => el.getBoundingClientRect().bottom <= bottom).length, panel.y + panel.height);
      expect(rows).toBeGreaterThanOrEqual(3);
      await screenshot(page, `telephone-${viewport.width}-liste`);

      await carte.click();
      await expect.poll(() => carte.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('#panneau').isVisible()).toBe(false);
      await expect.poll(async () => (await page.locator('.carte').boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(app.consoleErrors).toEqual([]);
    });
  }

  it('a department chosen on a phone brings its detail on screen', async () => {
    const viewport = { width: 390, height: 844 };
    app = await openApp('/?selection=departement:02', { viewport });
    await waitForMapIdle(app.page);
    const heading = app.page.locator('#detail-departement-titre');
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((await heading.boundingBox())!.y).toBeLessThan(viewport.height);
  });

  it('desktop (1280×800) keeps the side panel beside the map and no switch', async () => {
    app = await openApp('/');
    await waitForMapIdle(app.page);
    expect(await app.page.locator('.bascule-telephone').isVisible()).toBe(false);
    const map = (await app.page.locator('.carte').boundingBox())!;
    const panel = (await app.page.locator('#panneau').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(map.x + map.width - 1);
    expect(map.height).toBeGreaterThan(500);
    await screenshot(app.page, 'bureau-1280');
  });
});
