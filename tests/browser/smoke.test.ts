import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, waitForMapIdle, type OpenedApp } from './harness';

describe('built app in headless Chromium', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/');
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has a title and a visible h1', async () => {
    expect(await app.page.title()).not.toBe('');
    const h1 = app.page.locator('h1').first();
    await expect.poll(() => h1.isVisible()).toBe(true);
    expect((await h1.textContent())?.trim()).not.toBe('');
  });

  it('draws the map on a WebGL canvas whose pixels show sea, land and departments', async () => {
    const canvas = app.page.locator('canvas.maplibregl-canvas').first();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    expect(box?.height).toBeGreaterThan(0);
    // A canvas holds one kind of context: no 2D context means MapLibre already owns a WebGL one.
    const contexts = await canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      return { twoD: c.getContext('2d') !== null, webgl: (c.getContext('webgl2') ?? c.getContext('webgl')) !== null };
    });
    expect(contexts).toEqual({ twoD: false, webgl: true });
    // The pixels as the page shows them (what a person sees), read back in the page: a blank or
    // single-colour canvas has a handful of colours, the drawn map hundreds.
    const png = (await canvas.screenshot()).toString('base64');
    const colours = await app.page.evaluate(async (data) => {
      // No fetch of a data: URL (the page's CSP allows none): the bytes go in as a Blob.
      const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const pixels = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4 * 13) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      return seen.size;
    }, png);
    expect(colours).toBeGreaterThan(50);
    await screenshot(app.page, 'smoke');
  });

  it('makes no request outside its own origin and logs no console error', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('harness', () => {
  it('records and blocks a request to another origin, and records page errors', async () => {
    const app = await openApp('/');
    try {
      // The page's CSP stops a fetch to another origin before the network: a navigation still goes out.
      const other = await app.page.context().newPage();
      await other.goto('https://example.org/piste.json').catch(() => undefined);
      await other.close();
      await app.page.evaluate(() => {
        setTimeout(() => {
          throw new Error('erreur volontaire');
        });
      });
      await expect.poll(() => app.consoleErrors.some((e) => e.includes('erreur volontaire'))).toBe(true);
      expect(app.foreignRequests).toEqual(['https://example.org/piste.json']);
    } finally {
      await app.close();
    }
  });
});
