/**
 * Content-Security-Policy of the built site, as a <meta http-equiv> written into index.html at
 * build time only: the dev server needs an inline script for React Refresh, which this policy
 * forbids. README.md ("Déploiement") gives the same policy as a server header, plus what a meta
 * tag cannot carry (frame-ancestors).
 *
 * Every source below was measured against the built app in Chromium
 * (tests/browser/csp.test.ts), not guessed:
 * - scripts, styles, data, workers: all files of our own origin. MapLibre v6 starts its worker
 *   from the URL given to setWorkerUrl (same origin, so no blob: fallback), app workers are
 *   emitted by Vite as files of the site; no script runs inline or through eval.
 * - img-src data: MapLibre's stylesheet draws its control icons as data: SVG backgrounds (the
 *   favicon and the link preview are files of the site). No blob: image: the map loads no
 *   raster image (no sprite, no raster source), and exports are blob: downloads, which CSP does
 *   not govern.
 * - style-src 'self' without 'unsafe-inline': React and MapLibre set styles through the CSSOM
 *   (element.style), which CSP allows; index.html carries no <style> and no style attribute.
 */
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The policy as one header or meta value. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Writes the policy as the first element of <head> of the built index.html. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'carto:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      // After every other plugin, so nothing injected later escapes the check below.
      order: 'post',
      handler(html) {
        // The policy forbids inline code; fail the build rather than ship a page it would break.
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html) || /<style[\s>]/i.test(html) || /\sstyle=/i.test(html)) {
          throw new Error('index.html contient du code en ligne (<script>, <style> ou style=) que la CSP bloquerait.');
        }
        return [{
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        }];
      },
    },
  };
}
