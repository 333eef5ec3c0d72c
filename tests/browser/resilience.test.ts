/**
 * Never a blank page: a browser without WebGL, a map that loses its context or throws, data of the
 * wrong shape, a request that never answers. Each time the rest of the page keeps working and a
 * French message says what happened. Expected values come from the built data.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtData, narrowingTheme, NO_WEBGL_ARGS, openApp, screenshot, waitForMapIdle } from './harness';
import { openExport, openFilterGroup } from './ui';

const countShown = async (page: Page) => Number(await page.locator('.resultats-compte').getAttribute('data-count'));

/** Ticks the theme that narrows the list and checks the list follows: filters work without the map. */
async function filtersStillWork(page: Page): Promise<void> {
  const theme = narrowingTheme();
  await expect.poll(() => countShown(page)).toBe(builtData().innovations.length);
  await openFilterGroup(page, 'Thèmes');
  await page.locator(`#filtre-themes-${theme.id}`).check();
  await expect.poll(() => countShown(page)).toBe(theme.n);
  await expect.poll(() => new URL(page.url()).searchParams.getAll('theme')).toEqual([theme.id]);
}

describe('a browser without WebGL', () => {
  it('says the map cannot be shown, and keeps filters, list, details, department panel, exports and print', async () => {
    const app = await openApp('/', { browserArgs: NO_WEBGL_ARGS, acceptDownloads: true });
    const { page } = app;
    try {
      const message = page.getByRole('alert').filter({ hasText: 'La carte ne peut pas s’afficher dans ce navigateur' });
      await expect.poll(() => message.count()).toBe(1);
      expect(await message.textContent()).toContain('la liste, les filtres et les exports restent disponibles');
      expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(0);
      await filtersStillWork(page);

      // A detail from the list, then its department's panel from the detail.
      const first = page.getByRole('listbox', { name: 'Résultats' }).getByRole('option').first();
      const titre = (await first.locator('.resultats-ligne-titre').textContent())!;
      await first.click();
      await expect.poll(() => page.getByRole('heading', { level: 2, name: titre }).count()).toBe(1);
      await page.locator('section.detail dd .lien-bouton').first().click();
      await expect.poll(() => page.locator('#detail-departement-titre').count()).toBe(1);
      expect(await page.locator('section.detail').textContent()).toMatch(/innovation/);

      // Exports take every filtered row (from the results, back from the detail).
      await page.getByRole('button', { name: /Retour aux résultats/u }).click();
      await openExport(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter CSV' }).click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.trim().split('\r\n')).toHaveLength(narrowingTheme().n + 1);

      // Print: the table of results, no map image.
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      await expect.poll(() => page.locator('.impression-tableau tbody tr').count()).toBe(narrowingTheme().n);
      await page.emulateMedia({ media: 'screen' });
      await screenshot(page, 'sans-webgl');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('on a phone, the switch shows the list', async () => {
    const app = await openApp('/', { browserArgs: NO_WEBGL_ARGS, viewport: { width: 390, height: 844 } });
    try {
      await expect.poll(() => countShown(app.page)).toBe(builtData().innovations.length);
      await app.page.getByRole('button', { name: /Filtres et liste/ }).click();
      await expect.poll(() => app.page.getByRole('listbox', { name: 'Résultats' }).isVisible()).toBe(true);
      await expect.poll(() => app.page.evaluate(() => {
        const panel = document.getElementById('panneau')!.getBoundingClientRect();
        return panel.top < window.innerHeight / 2;
      })).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('a map that fails after it started', () => {
  it('says so when the browser loses the WebGL context, and the list keeps working', async () => {
    const app = await openApp('/');
    const { page } = app;
    try {
      await waitForMapIdle(page);
      await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
        canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
      });
      const message = page.getByRole('alert').filter({ hasText: 'La carte ne peut plus s’afficher' });
      await expect.poll(() => message.count()).toBe(1);
      await filtersStillWork(page);
    } finally {
      await app.close();
    }
  });

  it('contains an error thrown in the map region, with "Recharger", and the rest stays usable', async () => {
    const app = await openApp('/');
    const { page } = app;
    try {
      // An old browser's ResizeObserver that fails on the map: the map region throws as it starts.
      await page.addInitScript(() => {
        const Native = window.ResizeObserver;
        const w = window as unknown as { pannerCarte: boolean };
        w.pannerCarte = true;
        window.ResizeObserver = class extends Native {
          override observe(target: Element, options?: ResizeObserverOptions): void {
            if (w.pannerCarte && target.classList.contains('carte')) throw new Error('panne simulée');
            super.observe(target, options);
          }
        };
      });
      await page.reload();
      const message = page.getByRole('alert').filter({ hasText: "Un problème empêche d'afficher la carte" });
      await expect.poll(() => message.count()).toBe(1);
      expect(await message.textContent()).toContain('panne simulée');
      await filtersStillWork(page);
      // Once the cause is gone, "Recharger" brings the map back.
      await page.evaluate(() => {
        (window as unknown as { pannerCarte: boolean }).pannerCarte = false;
      });
      await message.getByRole('button', { name: 'Recharger' }).click();
      await expect.poll(() => message.count()).toBe(0);
      await expect.poll(() => page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    } finally {
      await app.close();
    }
  });
});

describe('data files of the wrong shape', () => {
  it('leaves out the features that fail, names the file and the first bad field, and shows the rest', async () => {
    const { etapes } = builtData();
    const broken = etapes.map((f, i) => (i === 3 ? { ...f, properties: { ...f.properties, themes: null } } : f));
    const app = await openApp('/');
    const { page } = app;
    try {
      await page.route('**/data/etapes.geojson', (route) => route.fulfill({
        status: 200, contentType: 'application/geo+json', body: JSON.stringify({ type: 'FeatureCollection', features: broken }),
      }));
      await page.reload();
      await waitForMapIdle(page);
      const note = page.getByRole('note').filter({ hasText: 'etapes.geojson' });
      await expect.poll(() => note.count()).toBe(1);
      expect(await note.textContent()).toMatch(/1 élément de forme inattendue laissé de côté \(premier problème : features\[3\]\.properties\.themes : « themes » doit être une liste de textes\)/);
      await expect.poll(() => page.locator('button.etape-marqueur').count()).toBe(etapes.length - 1);
      await filtersStillWork(page);
    } finally {
      await app.close();
    }
  });

  it('names the file and the field when an essential file has the wrong shape', async () => {
    const app = await openApp('/');
    const { page } = app;
    try {
      await page.route('**/data/vocabulaires.json', (route) => route.fulfill({ status: 200, body: JSON.stringify({ themes: null, secteurs: [] }) }));
      await page.reload();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.count()).toBe(1);
      expect(await alert.textContent()).toMatch(/Le fichier de données vocabulaires\.json est illisible : themes : « themes » doit être une liste/);
    } finally {
      await app.close();
    }
  });
});

describe('a request that never answers', () => {
  it('says which file does not arrive after a while, and "Réessayer" loads the page once the server answers', async () => {
    const app = await openApp('/');
    const { page } = app;
    try {
      let hang = true;
      await page.route('**/data/meta.json', async (route) => {
        if (hang) return; // never answered
        await route.continue();
      });
      await page.clock.install();
      await page.reload();
      // Time goes by second by second, so the files that do answer are read on the way.
      for (let s = 0; s < 25; s++) {
        await page.clock.runFor(1_000);
        await page.waitForTimeout(50);
      }
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toMatch(/Le fichier de données meta\.json n'arrive pas : le serveur n'a pas répondu en 20 secondes/);
      hang = false;
      await page.clock.resume();
      await alert.getByRole('button', { name: 'Réessayer' }).click();
      // The data arrives (the map's own drawing is paced by the test's fake clock, so not awaited).
      await expect.poll(() => countShown(page)).toBe(builtData().innovations.length);
      expect(await page.getByRole('alert').filter({ hasText: "n'arrive pas" }).count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
