/**
 * "Proposer une innovation" in the built app, end to end: the form loaded when opened, filled
 * with mistakes (each message next to its field, the data build's own words), then correctly; the
 * proposition file it gives goes through `npm run propositions`, and the rebuilt map shows the
 * innovation. A position picked on the map comes back as real coordinates, overseas included.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AxeResults } from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, repoRoot, screenshot, waitForMapIdle, type OpenedApp } from './harness';
import { built, CONTRIBUTIONS_FIXTURE, copyOf, workFolder } from './fixtureData';
import { readCsvTable } from '../../src/build/csv/table';
import { PROPOSITION_COLUMNS } from '../../src/domain/propositions';
import { toDisplayPosition } from '../../src/domain/insets';

const run = promisify(execFile);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations inside the open dialog. */
async function dialogViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<AxeResults> } }).axe;
    return (await axe.run(document.querySelector('dialog[open]')!, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const dialogOf = (page: Page) => page.getByRole('dialog', { name: /Proposer une innovation|Votre proposition est prête/u });

/** The message shown next to a field (in the field's own block, tied to it by aria-describedby). */
async function messageNextTo(page: Page, field: string): Promise<string | null> {
  const control = page.locator(`#proposition-${field}`);
  const error = page.locator(`#proposition-${field}-erreur`);
  if ((await error.count()) === 0) return null;
  expect((await control.getAttribute('aria-describedby'))?.split(' ')).toContain(`proposition-${field}-erreur`);
  expect(await control.getAttribute('aria-invalid')).toBe('true');
  // Next to it: in the same field block as the control.
  const block: Locator = field === 'themes' || field === 'secteurs' ? control : control.locator('xpath=..');
  expect(await block.locator(`#proposition-${field}-erreur`).count()).toBe(1);
  return error.textContent();
}

async function openForm(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Proposer une innovation' }).click();
  const dialog = dialogOf(page);
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

const TITLE = 'Cyber-base des Sucs';

describe('proposing an innovation', () => {
  let app: OpenedApp;
  let work: string;
  let proposition: string;

  beforeAll(async () => {
    work = workFolder('contributions-');
    const data = await built(CONTRIBUTIONS_FIXTURE, path.join(work, 'construit'));
    app = await openApp('/', { dataDir: data, acceptDownloads: true });
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads the form, and the commune names, only when it is opened', async () => {
    const page = app.page;
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /PropositionForm|communes\.json/u.test(n)));
    expect(await fetched()).toEqual([]);
    await openForm(page);
    await expect.poll(async () => (await fetched()).length).toBeGreaterThanOrEqual(2);
  });

  it('shows each mistake next to its field, in the data build\'s words, with a summary linking to the fields', async () => {
    const page = app.page;
    const dialog = dialogOf(page);
    await dialog.getByRole('button', { name: 'Préparer le fichier de proposition' }).click();
    const summary = dialog.locator('.proposition-resume');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.getAttribute('role')).toBe('alert');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('proposition-resume'))).toBe(true);
    expect(await messageNextTo(page, 'titre')).toBe('titre manquant : cette colonne doit être remplie');
    expect(await messageNextTo(page, 'themes')).toBe('thème manquant : au moins un thème, id ou libellé, plusieurs séparés par |');
    expect(await messageNextTo(page, 'secteurs')).toBe('secteur manquant : au moins un secteur, id ou libellé, plusieurs séparés par |');
    expect(await messageNextTo(page, 'departement')).toBe('département manquant : indiquez son numéro (ex. 69) ou son nom');
    expect(await messageNextTo(page, 'contact')).toBe('adresse électronique manquante : les organisateurs en ont besoin pour vous répondre (elle ne sera pas publiée)');
    expect(await messageNextTo(page, 'annee')).toBeNull();

    await dialog.getByLabel('Année de lancement').fill('09');
    await dialog.getByLabel('Site web').fill('www.mairie-exemple.fr');
    await dialog.getByLabel('Latitude').fill('45,1');
    await dialog.getByLabel('Votre adresse électronique').fill('elu@mairie');
    expect(await messageNextTo(page, 'annee')).toBe('année « 09 » invalide : quatre chiffres attendus (ex. 2009)');
    expect(await messageNextTo(page, 'site_web')).toBe('site_web « www.mairie-exemple.fr » sans protocole : écrivez https://www.mairie-exemple.fr');
    expect(await messageNextTo(page, 'longitude')).toBe('longitude manquante : remplissez latitude et longitude, ou aucune des deux');
    expect(await messageNextTo(page, 'contact')).toBe('adresse électronique « elu@mairie » invalide : écrivez-la en entier (ex. prenom.nom@mairie.fr)');
    expect(await summary.locator('li').count()).toBe(8);
    // A link of the summary takes the keyboard to its field.
    await summary.getByRole('link', { name: /^Année de lancement/u }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('proposition-annee');
    await screenshot(page, 'proposition-erreurs');
    expect(await dialogViolations(page)).toEqual([]);
  });

  it('suggests the communes of the department, and warns as the build would about one it does not know', async () => {
    const page = app.page;
    const dialog = dialogOf(page);
    // Without coordinates, as the build places a row by its commune only then.
    await dialog.getByLabel('Latitude').fill('');
    await dialog.getByLabel(/^Département/u).selectOption('43');
    await expect.poll(() => page.locator('#proposition-communes option[value="Yssingeaux"]').count()).toBe(1);
    await dialog.getByLabel('Commune').fill('Yssingo');
    await expect.poll(() => page.locator('#proposition-commune-note').textContent())
      .toBe('commune « Yssingo » introuvable (répertoire GeoNames) dans le département Haute-Loire (43) : point placé au centre du département ; vérifiez l’orthographe ou ajoutez latitude et longitude');
    await dialog.getByLabel('Commune').fill('Yssingeaux');
    await expect.poll(() => page.locator('#proposition-commune-note').count()).toBe(0);
  });

  it('gives the proposition file once every field is right, and an e-mail to the organisers', async () => {
    const page = app.page;
    const dialog = dialogOf(page);
    await dialog.getByLabel(/^Titre du projet/u).fill(TITLE);
    await dialog.getByLabel('Description').fill('Accès libre à internet ; ateliers pour les seniors.');
    await dialog.getByRole('group', { name: /^Thèmes/u }).getByLabel('Cohésion sociale et inclusion numérique').check();
    await dialog.getByRole('group', { name: /^Secteurs/u }).getByLabel('Social et solidarité').check();
    await dialog.getByLabel('Porteur du projet').fill('Communauté de communes des Sucs');
    await dialog.getByLabel('Année de lancement').fill('2009');
    await dialog.getByLabel('Site web').fill('https://exemple.fr/cyber-base');
    await dialog.getByLabel(/^Étape de La Route/u).selectOption('e01');
    await dialog.getByLabel('Votre adresse électronique').fill('elu@mairie-exemple.fr');
    await expect.poll(() => dialog.locator('.proposition-resume').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Préparer le fichier de proposition' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('proposition-43-cyber-base-des-sucs.csv');
    proposition = path.join(work, download.suggestedFilename());
    await download.saveAs(proposition);

    const { table } = readCsvTable(readFileSync(proposition), proposition, PROPOSITION_COLUMNS);
    expect(table?.delimiter).toBe(';');
    expect(table?.rows).toHaveLength(1);
    const cell = (c: (typeof PROPOSITION_COLUMNS)[number]) => table!.rows[0]!.cells[table!.index[c]];
    expect(cell('id')).toMatch(/^proposition-\d{14}-[0-9a-z]{4}$/u);
    expect([cell('titre'), cell('themes'), cell('secteurs'), cell('departement'), cell('commune'), cell('etape'), cell('contact')])
      .toEqual([TITLE, 'inclusion', 'solidarite', '43', 'Yssingeaux', 'e01', 'elu@mairie-exemple.fr']);

    await expect.poll(() => dialog.getByRole('heading', { name: 'Votre proposition est prête' }).isVisible()).toBe(true);
    const mail = dialog.getByRole('link', { name: 'Écrire aux organisateurs' });
    const href = (await mail.getAttribute('href'))!;
    expect(href.startsWith('mailto:route-des-territoires@exemple.fr?subject=')).toBe(true);
    expect(new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('body')).toContain('proposition-43-cyber-base-des-sucs.csv');
    await screenshot(page, 'proposition-prete');
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('becomes a row of innovations.csv with npm run propositions, and the rebuilt map shows it', async () => {
    const source = copyOf(CONTRIBUTIONS_FIXTURE, path.join(work, 'source-ajout'));
    const { stdout } = await run('npm', ['run', '--silent', 'propositions', '--', '--data-dir', source, proposition], { cwd: repoRoot });
    expect(stdout).toContain(`« ${TITLE} » ajoutée sous l’id i009 (contact : elu@mairie-exemple.fr)`);
    const innovations = readFileSync(path.join(source, 'innovations.csv'), 'utf8');
    expect(innovations).toContain(`i009;${TITLE};`);
    expect(innovations).not.toContain('elu@mairie-exemple.fr');

    const data = await built(source, path.join(work, 'reconstruit'));
    const rebuilt = await openApp(`/?q=${encodeURIComponent(TITLE)}`, { dataDir: data });
    try {
      await waitForMapIdle(rebuilt.page);
      const row = rebuilt.page.locator('.resultats-ligne[data-id="i009"]');
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(TITLE);
      await row.click();
      const detail = rebuilt.page.locator('#panneau section.detail');
      await expect.poll(() => detail.textContent()).toContain('Communauté de communes des Sucs');
      expect(await detail.textContent()).toContain('Yssingeaux');
      expect(await rebuilt.page.content()).not.toContain('elu@mairie-exemple.fr');
      expect(rebuilt.consoleErrors).toEqual([]);
    } finally {
      await rebuilt.close();
    }
  });
});

describe('a position picked on the map', () => {
  it('comes back into the form as real coordinates, with its department, from an overseas frame too', async () => {
    const data = await built(CONTRIBUTIONS_FIXTURE, path.join(workFolder('contributions-carte-'), 'construit'));
    const app = await openApp('/', { dataDir: data });
    try {
      const page = app.page;
      await waitForMapIdle(page);
      const dialog = await openForm(page);
      await dialog.getByRole('button', { name: 'Choisir sur la carte' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      const banner = page.getByRole('region', { name: 'Choisir sur la carte' });
      await expect.poll(() => banner.isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');

      // Échap gives the form back, unchanged.
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await banner.count()).toBe(0);

      await dialog.getByRole('button', { name: 'Choisir sur la carte' }).click();
      await expect.poll(() => banner.isVisible()).toBe(true);
      // Saint-Denis de La Réunion, drawn in its frame west of Brittany.
      const real: [number, number] = [55.4504, -20.8823];
      const display = toDisplayPosition('974', real);
      const at = await page.evaluate((d) => (document.querySelector('.carte') as unknown as { carteTest: { map: { project(p: [number, number]): { x: number; y: number } } } }).carteTest.map.project(d), display);
      const box = (await page.locator('.carte').boundingBox())!;
      await page.mouse.click(box.x + at.x, box.y + at.y);

      await expect.poll(() => dialog.isVisible()).toBe(true);
      const read = async (label: string) => Number((await dialog.getByLabel(label).inputValue()).replace(',', '.'));
      expect(Math.abs((await read('Latitude')) - real[1])).toBeLessThan(0.05);
      expect(Math.abs((await read('Longitude')) - real[0])).toBeLessThan(0.05);
      expect(await dialog.getByLabel(/^Département/u).inputValue()).toBe('974');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('proposition-latitude');
      expect(await page.locator('[role="status"]', { hasText: 'Position choisie sur la carte' }).count()).toBe(1);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('on a phone, fills the screen and shows the map while waiting for the click', async () => {
    const data = await built(CONTRIBUTIONS_FIXTURE, path.join(workFolder('contributions-telephone-'), 'construit'));
    const app = await openApp('/', { dataDir: data, viewport: { width: 390, height: 844 } });
    try {
      const page = app.page;
      await page.getByRole('button', { name: /^Filtres et liste/u }).click();
      const dialog = await openForm(page);
      const box = (await dialog.boundingBox())!;
      expect(Math.round(box.width)).toBe(390);
      await screenshot(page, 'telephone-proposition');
      await dialog.getByRole('button', { name: 'Choisir sur la carte' }).click();
      await expect.poll(() => page.locator('.app').getAttribute('data-vue-telephone')).toBe('carte');
      await expect.poll(() => page.locator('.carte').isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Annuler' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
