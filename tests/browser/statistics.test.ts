/**
 * The statistics view and the year histogram in the built app: charts that follow the filters with
 * the facet counts, bars that filter, data tables, exports, and the chart code loaded only when the
 * view opens. Expected values are computed from the built data (dist/data), never written here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtData, narrowingTheme, openApp, screenshot, screenshotDir, waitForMapIdle, type OpenedApp } from './harness';
import type { Innovation } from '../../src/domain/types';

const innovations = builtData().innovations.map((f) => f.properties);
const { vocabulaires } = builtData();

async function countShown(page: Page): Promise<number> {
  return Number(await page.locator('.resultats-compte').getAttribute('data-count'));
}

/** The bars of one chart as value → count, in the order drawn. */
async function chartBars(page: Page, kind: string): Promise<[string, number][]> {
  return page.locator(`[data-graphique="${kind}"] svg g[data-cle]`).evaluateAll((gs) =>
    gs.map((g) => [g.getAttribute('data-cle') ?? '', Number(g.getAttribute('data-count'))] as [string, number]));
}

/** Theme facet counts by brute force: innovations meeting `keep` with each theme. */
function themeCounts(keep: (i: Innovation) => boolean): [string, number][] {
  return vocabulaires.themes
    .map((t): [string, number] => [t.id, innovations.filter((i) => keep(i) && i.themes.includes(t.id)).length])
    .filter(([, n]) => n > 0);
}

/** Unfolds a group of the filter panel (Thèmes, Secteurs, Années…) when it is folded. */
async function openFilterGroup(page: Page, label: string): Promise<void> {
  const button = page.locator('button.filtres-onglet', { hasText: label });
  if ((await button.count()) === 0) return;
  if ((await button.first().getAttribute('aria-expanded')) !== 'true') await button.first().click();
}

const sorted = (pairs: [string, number][]) => [...pairs].sort((a, b) => a[0].localeCompare(b[0]));

/** The year histogram's bars in the filtered set add up to… */
async function histogramKeptSum(page: Page): Promise<number> {
  return page.locator('.histogramme-barre[data-retenue="oui"]').evaluateAll((bars) =>
    bars.reduce((sum, b) => sum + Number(b.getAttribute('data-count')), 0));
}

/** The sector whose ticking leaves the most themes with a count that differs from no filter. */
function narrowingSecteur() {
  const all = new Map(themeCounts(() => true));
  return vocabulaires.secteurs
    .map((s) => ({ ...s, changed: themeCounts((i) => i.secteurs.includes(s.id)).filter(([t, n]) => all.get(t) !== n).length, n: innovations.filter((i) => i.secteurs.includes(s.id)).length }))
    .filter((s) => s.n > 1 && s.n < innovations.length)
    .sort((a, b) => b.changed - a.changed)[0]!;
}

describe('statistics view', () => {
  let app: OpenedApp;
  const chartRequests: string[] = [];
  const secteur = narrowingSecteur();

  beforeAll(async () => {
    app = await openApp('/', { acceptDownloads: true });
    app.page.on('request', (r) => {
      if (/StatsCharts-[\w-]+\.js$/.test(r.url())) chartRequests.push(r.url());
    });
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads the chart code only when the view is opened, then draws the four charts', async () => {
    const page = app.page;
    await expect.poll(() => countShown(page)).toBe(innovations.length);
    expect(chartRequests).toEqual([]);
    const toggle = page.getByRole('button', { name: 'Statistiques' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    for (const titre of ['Innovations par thème', 'Innovations par secteur', 'Innovations par région', 'Innovations par année']) {
      await expect.poll(() => page.getByRole('toolbar', { name: titre }).count()).toBe(1);
    }
    expect(chartRequests).toHaveLength(1);
    expect(sorted(await chartBars(page, 'themes'))).toEqual(sorted(themeCounts(() => true)));
    await page.locator('[data-graphique="themes"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'statistiques');
  });

  it('ticking a sector changes the theme chart to the facet counts', async () => {
    const page = app.page;
    const before = await chartBars(page, 'themes');
    await openFilterGroup(page, 'Secteurs');
    await page.getByRole('checkbox', { name: new RegExp(`^${secteur.libelle}`) }).check();
    const expected = themeCounts((i) => i.secteurs.includes(secteur.id));
    await expect.poll(async () => sorted(await chartBars(page, 'themes'))).toEqual(sorted(expected));
    expect(await chartBars(page, 'themes')).not.toEqual(before);
    // The same numbers as the theme facets of the filter panel.
    for (const [id, n] of expected) {
      const label = await page.locator(`label[for="filtre-themes-${id}"] .filtres-compte`).textContent();
      expect(Number(label?.replace(/\s/g, '')), id).toBe(n);
    }
    // Bars are sorted, most innovations first.
    const counts = (await chartBars(page, 'themes')).map(([, n]) => n);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("the chart's data table gives the same numbers", async () => {
    const page = app.page;
    const chart = page.locator('[data-graphique="themes"]');
    await chart.getByRole('button', { name: 'Voir les données' }).click();
    const table = chart.getByRole('table', { name: 'Innovations par thème' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [
      tr.getAttribute('data-cle') ?? '', Number(tr.querySelector('td')?.textContent?.replace(/\s/g, '')),
    ] as [string, number]));
    expect(rows).toEqual(await chartBars(page, 'themes'));
    const libelles = await table.locator('tbody th').allTextContents();
    expect(libelles).toEqual(rows.map(([id]) => vocabulaires.themes.find((t) => t.id === id)!.libelle));
    await chart.getByRole('button', { name: 'Masquer les données' }).click();
  });

  it('clicking a bar filters the list, the map and the link', async () => {
    const page = app.page;
    const [themeId] = (await chartBars(page, 'themes'))[0]!;
    const theme = vocabulaires.themes.find((t) => t.id === themeId)!;
    const measures = await page.evaluate(() => performance.getEntriesByName('carto:filter').length);
    const bar = page.getByRole('button', { name: new RegExp(`^${theme.libelle} [\\d\\u202f ]+ innovations? ; filtrer sur ce thème$`) });
    expect(await bar.getAttribute('aria-pressed')).toBe('false');
    await bar.click();
    const expected = innovations.filter((i) => i.secteurs.includes(secteur.id) && i.themes.includes(themeId)).length;
    await expect.poll(() => countShown(page)).toBe(expected);
    expect(new URL(page.url()).searchParams.getAll('theme')).toEqual([themeId]);
    expect(await page.locator(`#filtre-themes-${themeId}`).isChecked()).toBe(true);
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('carto:filter').length), { timeout: 20_000 }).toBeGreaterThan(measures);
    await expect.poll(() => page.getByRole('button', { name: new RegExp(`^${theme.libelle} [\\d\\u202f ]+ innovations? ; retirer le filtre sur ce thème$`) }).getAttribute('aria-pressed')).toBe('true');
    // From the keyboard: the bar has focus, Enter unticks it.
    await page.getByRole('button', { name: new RegExp(`^${theme.libelle} [\\d\\u202f ]+ innovations? ; retirer`) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('theme')).toEqual([]);
    await expect.poll(() => countShown(page)).toBe(innovations.filter((i) => i.secteurs.includes(secteur.id)).length);
  });

  it('moves between bars with the arrows, one tab stop per chart', async () => {
    const page = app.page;
    const chart = page.locator('[data-graphique="secteurs"] svg');
    expect(await chart.locator('g[tabindex="0"]').count()).toBe(1);
    await chart.locator('g[tabindex="0"]').focus();
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-cle'));
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-cle'));
    expect(second).not.toBe(first);
    expect((await chartBars(page, 'secteurs')).map(([k]) => k).indexOf(second!)).toBe(1);
  });

  it('a year bar makes that year the range; the year histogram adds up to the filtered count', async () => {
    const page = app.page;
    await openFilterGroup(page, 'Secteurs');
    await page.getByRole('checkbox', { name: new RegExp(`^${secteur.libelle}`) }).uncheck();
    await expect.poll(() => countShown(page)).toBe(innovations.length);
    await expect.poll(() => histogramKeptSum(page)).toBe(innovations.length);
    const [year, n] = (await chartBars(page, 'annees')).filter(([k, c]) => k !== '' && c > 0).sort((a, b) => b[1] - a[1])[0]!;
    expect(n).toBe(innovations.filter((i) => String(i.annee) === year).length);
    await page.locator(`[data-graphique="annees"] g[data-cle="${year}"]`).click();
    await expect.poll(() => countShown(page)).toBe(n);
    const params = new URL(page.url()).searchParams;
    expect([params.get('annee_min'), params.get('annee_max')]).toEqual([year, year]);
    await expect.poll(() => histogramKeptSum(page)).toBe(n);
    // The histogram still shows the other years (every filter but the years), pale.
    const pale = await page.locator('.histogramme-barre[data-retenue="non"]').evaluateAll((bars) => bars.reduce((s, b) => s + Number(b.getAttribute('data-count')), 0));
    expect(pale).toBe(innovations.length - n);
  });

  it('the year histogram follows the other filters and sums to the filtered count', async () => {
    const page = app.page;
    const theme = narrowingTheme();
    await page.getByRole('button', { name: 'Réinitialiser', exact: true }).click();
    await openFilterGroup(page, 'Thèmes');
    await page.getByRole('checkbox', { name: new RegExp(`^${theme.libelle}`) }).check();
    const inTheme = innovations.filter((i) => i.themes.includes(theme.id));
    await expect.poll(() => countShown(page)).toBe(inTheme.length);
    await expect.poll(() => histogramKeptSum(page)).toBe(inTheme.length);
    const years = inTheme.map((i) => i.annee).filter((y): y is number => y !== null);
    const from = Math.min(...years) + 1;
    await openFilterGroup(page, 'Années');
    await page.getByLabel('De', { exact: true }).selectOption(String(from));
    const inRange = inTheme.filter((i) => i.annee !== null && i.annee >= from).length;
    await expect.poll(() => countShown(page)).toBe(inRange);
    await expect.poll(() => histogramKeptSum(page)).toBe(inRange);
    const histogram = page.locator('.filtres-annees');
    await histogram.scrollIntoViewIfNeeded();
    await histogram.screenshot({ path: path.join(screenshotDir, 'histogramme-annees.png') });
    await screenshot(page, 'histogramme-annees-page');
  });

  it('exports a chart as SVG and PNG', async () => {
    const page = app.page;
    const chart = page.locator('[data-graphique="themes"]');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Télécharger « Innovations par thème » en SVG' }).click()]);
    expect(svgDownload.suggestedFilename()).toMatch(/^graphique-themes-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = readFileSync(await svgDownload.path(), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Innovations par thème');
    expect(svg).not.toMatch(/tabindex|role=|aria-/);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Télécharger « Innovations par thème » en PNG' }).click()]);
    expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync(await pngDownload.path());
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // Twice the SVG's width.
    expect(png.readUInt32BE(16)).toBe(2 * Number(/width="(\d+)"/.exec(svg)![1]));
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('statistics on a phone and in print', () => {
  it('fits a phone screen, and prints the charts with the report', async () => {
    const app = await openApp('/', { viewport: { width: 360, height: 740 } });
    try {
      const page = app.page;
      await waitForMapIdle(page);
      await page.getByRole('button', { name: /^Filtres et liste/ }).click();
      await page.getByRole('button', { name: 'Statistiques' }).click();
      const svg = page.locator('[data-graphique="regions"] svg');
      await svg.waitFor();
      const box = (await svg.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      await svg.scrollIntoViewIfNeeded();
      await screenshot(page, 'statistiques-telephone');
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      const printed = page.locator('.rapport-impression .statistiques-impression svg[role="img"]');
      await expect.poll(() => printed.count()).toBe(4);
      expect(await printed.first().isVisible()).toBe(true);
      expect(await printed.first().getAttribute('aria-label')).toMatch(/^Innovations par thème : /);
    } finally {
      await app.close();
    }
  });
});

describe('accessibility of the statistics, density and replay (axe-core, serious and critical)', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  async function seriousViolations(page: Page): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }

  it('has none with the charts and a data table open, the density view and the replay controls', async () => {
    const app = await openApp('/');
    try {
      const page = app.page;
      await waitForMapIdle(page);
      await page.getByRole('button', { name: 'Statistiques' }).click();
      await page.locator('[data-graphique="annees"] svg').waitFor();
      await page.locator('[data-graphique="regions"]').getByRole('button', { name: 'Voir les données' }).click();
      await openFilterGroup(page, 'Années');
      await page.getByRole('radio', { name: 'Densité' }).check();
      await page.getByRole('button', { name: 'Rejouer la tournée' }).click();
      await page.getByRole('region', { name: 'Rejouer la tournée' }).getByRole('button', { name: 'Pause' }).click();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
