/**
 * The interface in English (`lang=en`): the page says it is English (`<html lang>`, title), and no
 * French text of the interface is left on the main views — header, every group of filters, the
 * list, an innovation, a department and a stop, the statistics and their data, the export menu and
 * its dialog, the legend (points and density), the tour replay, the footer and the proposal form.
 *
 * What counts as French: the texts of the French catalogue (src/i18n/fr.ts), cut at their values
 * and punctuation, except the pieces the English catalogue also says (proper names: La Route des
 * Territoires, GeoJSON…) and those found in the data (titles, descriptions, communes, department
 * and region names, credits), which stay as they are in any language. The visible text and the
 * names given to assistive technology (aria-label, title, placeholder) are read.
 *
 * Then the switch: "English" in the French page adds `lang=en` to the address and changes the
 * text; a reload keeps English; "Français" goes back.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { builtData, openApp, readData, waitForMapIdle, type OpenedApp } from './harness';
import { drawnCircles, panelDetail } from './ui';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import type { DataMeta, DepartementIndexEntry } from '../../src/domain/types';

/** Every text of a catalogue. */
function texts(catalogue: object): string[] {
  return Object.values(catalogue).flatMap((v): string[] => (typeof v === 'string' ? [v] : texts(v as object)));
}

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/[’']/gu, "'");

const data = builtData();
const meta = readData<DataMeta>('meta.json');
const departements = readData<DepartementIndexEntry[]>('departements-infos.json');
/** What the data says, in French whatever the language: never counted as the interface's French. */
const DATA_TEXT = fold([
  ...data.innovations.flatMap((f) => [f.properties.titre, f.properties.description, f.properties.commune, f.properties.porteur, f.properties.trophee?.categorie ?? '']),
  ...data.etapes.flatMap((f) => [f.properties.intitule, f.properties.commune]),
  ...departements.flatMap((d) => [d.nom, d.region_nom]),
  ...[...data.vocabulaires.themes, ...data.vocabulaires.secteurs].flatMap((v) => (v.libelle_en ? [] : [v.libelle])),
  ...meta.attributions,
].join('\n'));
const ENGLISH_TEXT = fold(texts(en).join('\n'));

/** Pieces of the French catalogue that must not show in English. */
const FRENCH_PIECES = [...new Set(texts(fr)
  .flatMap((text) => text.split(/\{\{[^}]*\}\}|[«»()—·…;:!?"“”]|\s\/\s/u))
  .map((piece) => piece.trim().replace(/^[,.\s]+|[,.\s]+$/gu, ''))
  .filter((piece) => (piece.match(/\p{L}/gu)?.length ?? 0) >= 4)
  .filter((piece) => !ENGLISH_TEXT.includes(fold(piece)) && !DATA_TEXT.includes(fold(piece))))];

/** French labels of themes and sectors that have an English one (and that the data does not also hold). */
const FRENCH_VOCABULARY = [...data.vocabulaires.themes, ...data.vocabulaires.secteurs]
  .filter((v) => v.libelle_en && !DATA_TEXT.includes(fold(v.libelle)) && !ENGLISH_TEXT.includes(fold(v.libelle)))
  .map((v) => v.libelle);

/** The page's text as a person meets it: rendered text, then accessible names and hints. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''));
    return [document.body.innerText, ...attributes].join('\n');
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The French pieces (and French vocabulary labels) found in `text`, as whole words. */
function frenchIn(text: string): string[] {
  const folded = fold(text);
  return [...FRENCH_PIECES, ...FRENCH_VOCABULARY].filter((piece) => new RegExp(`(?<!\\p{L})${escape(fold(piece))}(?!\\p{L})`, 'u').test(folded));
}

describe('the interface in English', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('finds French when there is some (the check can fail)', () => {
    expect(FRENCH_PIECES.length).toBeGreaterThan(150);
    expect(frenchIn('Filtrer les innovations')).toContain('Filtrer les innovations');
    expect(frenchIn('Légende of the map')).toContain('Légende');
    expect(frenchIn('Themes · Sectors · Legend')).toEqual([]);
  });

  it('leaves no French text of the interface on the main views', async () => {
    app = await openApp('/?lang=en', { viewport: { width: 1440, height: 900 } });
    const { page } = app;
    await waitForMapIdle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe(en.document.title);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(en.document.description);

    const seen: Record<string, string[]> = {};
    const read = async (view: string) => {
      seen[view] = frenchIn(await pageText(page));
    };

    // Header, search, themes (unfolded on a desktop), count, list, legend, footer, map controls.
    await page.locator('.resultats-ligne').first().waitFor();
    await read('national view');
    // The themes carry their English labels.
    const theme = data.vocabulaires.themes.find((t) => t.libelle_en)!;
    await page.getByRole('checkbox', { name: new RegExp(`^${escape(theme.libelle_en!)}`) }).waitFor();

    // A cluster's tooltip on the map.
    const cluster = (await drawnCircles(page)).find((c) => c.count > 1)!;
    const box = (await page.locator('.carte').boundingBox())!;
    await page.mouse.move(box.x + cluster.x, box.y + cluster.y);
    await expect.poll(() => page.locator('.carte-infobulle').textContent()).toBe(`${cluster.count} innovations${en.map.clusterHint}`);
    await read('cluster tooltip');
    await page.mouse.move(box.x + box.width + 20, box.y + 10);

    for (const group of [en.filters.secteurs, en.filters.territoire, en.filters.annees, en.filters.etapes]) {
      await page.locator('.filtres-onglet', { hasText: new RegExp(`^${group}`) }).click();
      await read(`filters: ${group}`);
    }

    // A filter: its chip, the counts.
    await page.getByRole('checkbox', { name: new RegExp(`^${escape(theme.libelle_en!)}`) }).check().catch(async () => {
      await page.locator('.filtres-onglet', { hasText: new RegExp(`^${en.filters.themes}`) }).click();
      await page.getByRole('checkbox', { name: new RegExp(`^${escape(theme.libelle_en!)}`) }).check();
    });
    await page.getByRole('button', { name: new RegExp(`^Remove the filter Theme: ${escape(theme.libelle_en!)}`) }).waitFor();
    await read('filtered');

    // Statistics, and one chart's data table.
    await page.locator('#statistiques-titre').click();
    await page.locator('.graphique').first().waitFor();
    await page.getByRole('button', { name: en.stats.showData }).first().click();
    await page.locator('.graphique-donnees').first().waitFor();
    await read('statistics');

    // Export menu, then the embed dialog.
    await page.locator('#export-titre').click();
    await read('export menu');
    await page.getByRole('button', { name: en.embed.button }).click();
    await page.getByRole('dialog').waitFor();
    expect(await page.locator('.dialogue-integration textarea').inputValue()).toContain('lang=en');
    await read('embed dialog');
    await page.getByRole('button', { name: en.embed.close }).click();

    // An innovation, then its department, then back to the results.
    await page.locator('.resultats-ligne[data-id]').first().click();
    await page.locator('#detail-innovation-titre').waitFor();
    await read('innovation detail');
    await panelDetail(page).locator('dd .lien-bouton').first().click();
    await page.locator('#detail-departement-titre').waitFor();
    await read('department detail');
    await page.getByRole('button', { name: en.detail.back }).click();

    // A stop, from its marker on the map.
    await page.locator('.etape-marqueur').first().evaluate((button) => (button as HTMLButtonElement).click());
    await page.locator('.detail-etape').waitFor();
    await read('stop detail');
    await page.getByRole('button', { name: en.detail.back }).click();

    // The density view's legend and the tour replay.
    await page.getByRole('radio', { name: en.legend.density }).check();
    await read('density legend');
    await page.getByRole('radio', { name: en.legend.points }).check();
    await page.getByRole('button', { name: en.tour.replay }).click();
    await page.getByRole('region', { name: en.tour.replay }).waitFor();
    await read('tour replay');
    await page.getByRole('button', { name: en.tour.quit }).click();

    // The proposal form (its messages about the fields' values are the data build's, in French: not opened here).
    await page.getByRole('button', { name: `${en.proposition.button}${en.proposition.buttonEnd}` }).click();
    await page.getByRole('dialog', { name: en.proposition.title }).waitFor();
    await read('proposal form');

    expect(Object.fromEntries(Object.entries(seen).filter(([, found]) => found.length > 0))).toEqual({});
    expect(app.consoleErrors).toEqual([]);
  });

  it('switches with the visible button, keeps English in the address and across a reload, and switches back', async () => {
    app = await openApp('/?theme=ent', { viewport: { width: 1440, height: 900 } });
    const { page } = app;
    await waitForMapIdle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    const toEnglish = page.getByRole('button', { name: fr.language.switchTo, exact: true });
    expect(await toEnglish.textContent()).toBe('English');
    expect(await toEnglish.getAttribute('lang')).toBe('en');
    expect(await toEnglish.getAttribute('title')).toBe(fr.language.switchLabel);
    await expect.poll(() => page.locator('.filtres-onglet').first().textContent()).toMatch(/^Thèmes/u);
    // The same reading of the French page finds plenty: the check sees the interface's words.
    const frenchFound = frenchIn(await pageText(page));
    expect(frenchFound.length).toBeGreaterThan(40);
    expect(frenchFound).toEqual(expect.arrayContaining([fr.filters.title, fr.header.skip, fr.legend.byDepartement.replace(' :', '')]));

    await toEnglish.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(new URL(page.url()).searchParams.getAll('theme')).toEqual(['ent']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('.filtres-onglet').first().textContent()).toMatch(/^Themes/u);
    // The map's own words follow.
    expect(await page.locator('.carte-vue-nationale button').textContent()).toBe(en.map.nationalView);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe(en.map.zoomIn);
    expect(await page.locator('.etape-marqueur').first().getAttribute('aria-label')).toMatch(/^Stop 1 on /u);
    // The footer's pages keep the language.
    expect(await page.getByRole('link', { name: en.footer.legal }).getAttribute('href')).toContain('lang=en');

    await page.reload({ waitUntil: 'load' });
    await waitForMapIdle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('.filtres-onglet').first().textContent()).toMatch(/^Themes/u);
    expect(frenchIn(await pageText(page))).toEqual([]);

    const toFrench = page.getByRole('button', { name: en.language.switchTo, exact: true });
    expect(await toFrench.getAttribute('lang')).toBe('fr');
    await toFrench.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBeNull();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect.poll(() => page.locator('.filtres-onglet').first().textContent()).toMatch(/^Thèmes/u);
    expect(app.consoleErrors).toEqual([]);
  });

  it('switches on a phone too, from the header beside "Proposer"', async () => {
    app = await openApp('/', { viewport: { width: 390, height: 844 } });
    const { page } = app;
    await waitForMapIdle(page);
    await page.getByRole('button', { name: /^Filtres et liste/u }).click();
    const toEnglish = page.getByRole('button', { name: fr.language.switchTo, exact: true });
    expect(await toEnglish.count()).toBe(1);
    await toEnglish.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.getByRole('button', { name: /^Filters and list/u, pressed: true }).waitFor();
    expect(await page.getByRole('button', { name: en.language.switchTo, exact: true }).count()).toBe(1);
  });

  it('gives the text pages an English way back and says they are in French', async () => {
    app = await openApp('/mentions-legales.html?lang=en');
    const { page } = app;
    await page.locator('.page-note').waitFor();
    expect(await page.locator('.page-note').textContent()).toBe(en.pages.frenchOnly);
    expect(await page.locator('.page-note').getAttribute('lang')).toBe('en');
    const back = page.getByRole('link', { name: en.pages.back.replace('← ', '') });
    expect(await back.getAttribute('href')).toBe('./?lang=en');
    // The text itself is French, and says so.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  });
});
