/**
 * Accessibility audit of the built app with axe-core (injected from node_modules, so nothing leaves
 * the origin), in the states a user meets: national view, department panel, stop dialog, filtered
 * list, and a phone. Violations of impact "serious" or "critical" fail the test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, waitForMapIdle, type OpenedApp } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One line per failing rule: rule, impact, and the first offending nodes, to read in the test output. */
function describeViolations(violations: Result[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Runs axe on the whole page (WCAG 2.x A and AA rules plus best practices) and returns serious or critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource); // not an inline <script>: the page's CSP forbids those
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return describeViolations(results.filter((v) => v.impact === 'serious' || v.impact === 'critical'));
}

const theme = () => JSON.parse(readFileSync(new URL('../../dist/data/vocabulaires.json', import.meta.url), 'utf8')).themes[0].id as string;

describe('accessibility (axe-core, serious and critical)', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('national view', async () => {
    app = await openApp('/');
    await waitForMapIdle(app.page);
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('department panel open', async () => {
    app = await openApp('/?selection=departement:02');
    await waitForMapIdle(app.page);
    await app.page.locator('#detail-departement-titre').waitFor();
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('stop dialog open', async () => {
    app = await openApp('/');
    await waitForMapIdle(app.page);
    await app.page.getByRole('button', { name: /Laon \(Aisne\)$/ }).click();
    await app.page.getByRole('dialog').waitFor();
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('filtered list', async () => {
    app = await openApp(`/?theme=${theme()}`);
    await waitForMapIdle(app.page);
    await app.page.locator('.resultats-ligne').first().waitFor();
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('phone (390×844)', async () => {
    app = await openApp('/', { viewport: { width: 390, height: 844 } });
    await waitForMapIdle(app.page);
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('phone (360×740) with the list shown by the Carte / Liste switch', async () => {
    app = await openApp('/', { viewport: { width: 360, height: 740 } });
    await waitForMapIdle(app.page);
    await app.page.getByRole('button', { name: /^Filtres et liste/ }).click();
    await app.page.getByRole('button', { name: /^Filtres et liste/, pressed: true }).waitFor();
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('catches a real violation (the audit can fail)', async () => {
    app = await openApp('/');
    await waitForMapIdle(app.page);
    await app.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:,';
      document.querySelector('main')?.append(img);
    });
    expect((await seriousViolations(app.page)).some((line) => line.startsWith('image-alt'))).toBe(true);
  });
});
