/**
 * The built site's Content-Security-Policy (vite-plugins/csp.ts) and third-party licence notices
 * (vite-plugins/licences.ts): the policy is in index.html, the app runs under it without a single
 * violation, and it stops injected inline code and eval. The licence file lists what the bundle
 * ships, with the licence texts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, openApp, repoRoot, waitForMapIdle, type OpenedApp } from './harness';
import { openExport, openFilterGroup } from './ui';

interface Violation {
  directive: string;
  blockedURI: string;
}

const indexHtml = () => readFileSync(path.join(distDir, 'index.html'), 'utf8');

function policyInIndex(): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(indexHtml());
  if (!meta) return new Map();
  const value = meta[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  return new Map(value.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name!, sources];
  }));
}

/** Violation reports the page has heard since recordViolations ran. */
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);

/**
 * Listens to securitypolicyviolation from the first script of the page on: reloads the page
 * with an init script (which CSP does not govern) that records every report.
 */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __csp: Violation[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI });
    });
  });
  await page.reload({ waitUntil: 'load' });
}

describe('Content-Security-Policy', () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp('/', { acceptDownloads: true });
    await recordViolations(app.page);
    await waitForMapIdle(app.page);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is set by a meta tag at the top of the built index.html, with no inline script or eval allowed', () => {
    const policy = policyInIndex();
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    for (const sources of policy.values()) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('*');
    }
    // A meta policy only governs what comes after it.
    const html = indexHtml();
    expect(html.search(/<meta\s+http-equiv="Content-Security-Policy"/i)).toBeLessThan(html.search(/<script|<link\s+rel="stylesheet"/i));
  });

  it('lets the app run with no violation: first drawing, a theme filter, a CSV export', async () => {
    const { page } = app;
    const { themes } = JSON.parse(readFileSync(path.join(distDir, 'data/vocabulaires.json'), 'utf8')) as { themes: { id: string }[] };
    const count = async () => Number(await page.locator('.resultats-compte').getAttribute('data-count'));
    const before = await count();
    await openFilterGroup(page, 'Thèmes');
    await page.locator(`#filtre-themes-${themes[0]!.id}`).check();
    await expect.poll(count).toBeLessThan(before);
    await openExport(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter CSV' }).click()]);
    expect(await download.failure()).toBeNull();

    expect(await violations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('blocks an injected inline script, an inline event handler and eval', async () => {
    const { page } = app;
    const errorsBefore = app.consoleErrors.length;
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const script = document.createElement('script');
      script.textContent = 'window.__x = 1';
      document.body.append(script);
      const img = document.createElement('div');
      // An image that fails without a request (data: is allowed for images), so onerror would fire.
      img.innerHTML = '<img src="data:," onerror="window.__y = 1">';
      const loaded = new Promise((resolve) => img.firstElementChild!.addEventListener('error', resolve));
      document.body.append(img);
      await loaded;
      let evalOutcome = 'ran';
      try {
        eval('1');
      } catch (e) {
        evalOutcome = (e as Error).name;
      }
      let functionOutcome = 'ran';
      try {
        new Function('return 1')();
      } catch (e) {
        functionOutcome = (e as Error).name;
      }
      return { x: w.__x, y: w.__y, evalOutcome, functionOutcome };
    });
    expect(outcome).toEqual({ x: undefined, y: undefined, evalOutcome: 'EvalError', functionOutcome: 'EvalError' });

    // Blocked, and reported: the reports are the proof each attempt met the policy.
    await expect.poll(async () => (await violations(page)).map((v) => `${v.directive} ${v.blockedURI}`).sort())
      .toEqual(['script-src eval', 'script-src eval', 'script-src-attr inline', 'script-src-elem inline']);
    // Chromium logs the blocked inline script and handler as console errors (eval only throws);
    // nothing else may have gone wrong. Older Chromium words it "Refused to execute inline ...".
    const blockedInline = /^(?:Executing inline (script|event handler) violates|Refused to execute inline (script|event handler) because it violates) the following Content Security Policy directive/;
    const logged = app.consoleErrors.slice(errorsBefore).map((m) => {
      const match = blockedInline.exec(m);
      return match ? `blocked ${match[1] ?? match[2]}` : m;
    });
    expect(logged.sort()).toEqual(['blocked event handler', 'blocked script']);
  });
});

describe('third-party licence notices', () => {
  const text = () => readFileSync(path.join(distDir, 'licences-tierces.txt'), 'utf8');
  const installed = (name: string) => (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

  it.each([
    ['maplibre-gl', 'BSD-3-Clause', 'Redistribution and use in source and binary forms'],
    ['react', 'MIT', 'Permission is hereby granted, free of charge'],
    ['papaparse', 'MIT', 'Permission is hereby granted, free of charge'],
  ])('dist/licences-tierces.txt names %s with its %s licence and text', (name, licence, excerpt) => {
    const file = text();
    const version = installed(name);
    expect(file).toContain(`- ${name} ${version} : ${licence}\n`);
    const section = file.split(/^-{78}$/m).find((s) => s.startsWith(`\n${name} ${version}\n`));
    expect(section).toBeDefined();
    expect(section).toContain(`Licence : ${licence}`);
    expect(section).toContain(excerpt);
  });

  it('includes the packages bundled inside maplibre-gl, read from its source map', () => {
    expect(text()).toMatch(/^- earcut [\d.]+ : ISC$/m);
  });
});
