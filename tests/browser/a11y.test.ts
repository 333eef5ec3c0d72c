/**
 * Accessibility audit of the built app with axe-core (injected from node_modules, so nothing leaves
 * the origin) and the WCAG 2.0, 2.1 and 2.2 A and AA rules — target size (2.5.8) included — on
 * every view a user meets, desktop (1440 × 900) and phone (390 × 844): national view, filters
 * unfolded, filtered list, department, innovation and stop details, the "Intégrer" dialog, the
 * embedded map, the phone's list and its detail sheet, and the two text pages; the views again in
 * English (`lang=en`). Violations of impact
 * "serious" or "critical" fail the test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { builtData, narrowingTheme, openApp, waitForMapIdle, type OpenedApp } from './harness';
import { openFilterGroup, panelDetail, type FilterGroup } from './ui';
import { loadLanguage, wording } from '../../src/i18n';
import type { Lang } from '../../src/domain/types';

// The English catalogue is a chunk of its own in the app: fetched once here.
await loadLanguage('en');

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules run: WCAG 2.x levels A and AA, up to 2.2 (RGAA 4.1 follows WCAG 2.1 AA). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** One line per failing rule: rule, impact, and the first offending nodes, to read in the test output. */
function describeViolations(violations: Result[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Runs axe on the whole page with WCAG_TAGS and returns the serious or critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource); // not an inline <script>: the page's CSP forbids those
  const results = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  }, [...WCAG_TAGS]);
  return describeViolations(results.filter((v) => v.impact === 'serious' || v.impact === 'critical'));
}

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface View {
  name: string;
  path: string;
  /** What a user does to reach the view once the map is drawn. */
  reach?: (page: Page) => Promise<void>;
}

const theme = narrowingTheme();
const stop = builtData().etapes.find((e) => e.properties.commune !== '')!;
const firstInnovation = builtData().innovations[0]!;

/** The address of a view in a language: `lang=en` added for English, as the switch does. */
const inLanguage = (path: string, lang: Lang) => (lang === 'fr' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);

/** Every view, in French or in English: the same paths and gestures, with the words of the language. */
function views(lang: Lang): readonly View[] {
  const { t } = wording(lang);
  const all: View[] = [
    { name: 'national view', path: '/' },
    {
      name: 'filters unfolded (themes)',
      path: '/',
      reach: (page) => openFilterGroup(page, t('filters.themes') as FilterGroup),
    },
    { name: 'filtered list', path: `/?theme=${theme.id}`, reach: (page) => page.locator('.resultats-ligne').first().waitFor() },
    { name: 'department detail', path: '/?selection=departement:02', reach: (page) => page.locator('#detail-departement-titre').waitFor() },
    { name: 'innovation detail', path: `/?selection=innovation:${firstInnovation.properties.id}`, reach: (page) => page.locator('#detail-innovation-titre').waitFor() },
    { name: 'stop detail', path: `/?selection=etape:${stop.properties.id}`, reach: (page) => panelDetail(page).waitFor() },
    {
      name: '« Intégrer » dialog',
      path: '/',
      reach: async (page) => {
        await page.getByRole('button', { name: t('export.title'), exact: true }).click();
        await page.getByRole('button', { name: t('embed.button') }).click();
        await page.getByRole('dialog').waitFor();
      },
    },
    { name: 'embedded map', path: `/?theme=${theme.id}&integration=1`, reach: (page) => page.getByRole('link', { name: new RegExp(t('embed.fullMap')) }).waitFor() },
  ];
  return all.map((view) => ({ ...view, path: inLanguage(view.path, lang) }));
}

describe('accessibility (axe-core, WCAG 2.2 A and AA, serious and critical)', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  // Every view in French, then again in English (`lang=en`): names, labels and the page's language change.
  for (const lang of ['fr', 'en'] as const) {
    for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      for (const view of views(lang)) {
        it(`${device}${lang === 'fr' ? '' : ' (English)'}: ${view.name}`, async () => {
          app = await openApp(view.path, { viewport });
          await waitForMapIdle(app.page);
          if (device === 'phone' && !view.path.includes('selection=') && view.name !== 'national view' && view.name !== 'embedded map') {
            await app.page.getByRole('button', { name: new RegExp(`^${wording(lang).t('phone.list')}`) }).click();
          }
          await view.reach?.(app.page);
          expect(await app.page.evaluate(() => document.documentElement.lang)).toBe(lang);
          expect(await seriousViolations(app.page)).toEqual([]);
        });
      }
    }
  }

  it('phone: the list shown by the Carte / Liste switch (360 × 740)', async () => {
    app = await openApp('/', { viewport: { width: 360, height: 740 } });
    await waitForMapIdle(app.page);
    await app.page.getByRole('button', { name: /^Filtres et liste/ }).click();
    await app.page.getByRole('button', { name: /^Filtres et liste/, pressed: true }).waitFor();
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  for (const page of ['accessibilite.html', 'mentions-legales.html']) {
    it(`text page ${page}`, async () => {
      app = await openApp(`/${page}`, { viewport: DESKTOP });
      await app.page.locator('h1').waitFor();
      expect(await seriousViolations(app.page)).toEqual([]);
    });
  }

  it('catches a real violation (the audit can fail), target size included', async () => {
    app = await openApp('/', { viewport: PHONE });
    await waitForMapIdle(app.page);
    await app.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:,';
      document.querySelector('main')?.append(img);
      // Two 12 px buttons side by side: too small, too close (WCAG 2.5.8).
      for (const x of [100, 113]) {
        const button = document.createElement('button');
        button.textContent = 'x';
        button.setAttribute('style', `position:fixed;left:${x}px;top:300px;width:12px;height:12px;padding:0;z-index:10`);
        document.body.append(button);
      }
    });
    const found = await seriousViolations(app.page);
    expect(found.some((line) => line.startsWith('image-alt'))).toBe(true);
    expect(found.some((line) => line.startsWith('target-size'))).toBe(true);
  });
});
