/**
 * The link preview and the icons, made at each site build from the built data: apercu.png (Open
 * Graph and Twitter card picture of the national view, src/build/previewImage.ts) and
 * apple-touch-icon.png (the favicon, 180 px), rendered from SVG with resvg — no browser, no
 * outside service. The meta tags that point to them go into index.html.
 *
 * Open Graph wants absolute addresses; the site is built to live in any folder, so they are
 * absolute only when the build is told where the site will be (CARTO_SITE_URL, e.g.
 * https://carte.example.fr/tic/), relative otherwise (most link previews still read them).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Plugin, ResolvedConfig } from 'vite';
import { previewSvg, PREVIEW_HEIGHT, PREVIEW_WIDTH, type PreviewInput } from '../src/build/previewImage';

export const PREVIEW_FILE = 'apercu.png';
export const TOUCH_ICON_FILE = 'apple-touch-icon.png';

const TITLE = 'Cartographie TIC des territoires';
const DESCRIPTION = 'Carte des innovations numériques des territoires français, métropole et outre-mer, et des étapes de La Route des Territoires 2009.';

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** What the preview is drawn from, read from the data folder the build ships (public/data). */
function previewInput(dataDir: string): PreviewInput | null {
  const files = ['departements.geojson', 'insets.geojson', 'pays.geojson', 'etapes.geojson', 'innovations.geojson', 'meta.json'];
  if (!files.every((f) => existsSync(path.join(dataDir, f)))) return null;
  const meta = readJson<{ date_donnees: string; exemple: boolean }>(path.join(dataDir, 'meta.json'));
  const innovations = readJson<{ features: { properties: { departement: string } }[] }>(path.join(dataDir, 'innovations.geojson'));
  return {
    departements: readJson<{ features: PreviewInput['departements'] }>(path.join(dataDir, 'departements.geojson')).features,
    insets: readJson<{ features: PreviewInput['insets'] }>(path.join(dataDir, 'insets.geojson')).features,
    pays: readJson<PreviewInput['pays']>(path.join(dataDir, 'pays.geojson')),
    etapes: readJson<{ features: PreviewInput['etapes'] }>(path.join(dataDir, 'etapes.geojson')).features,
    innovationDepartements: innovations.features.map((f) => f.properties.departement),
    dateDonnees: meta.date_donnees,
    exemple: meta.exemple,
  };
}

function png(svg: string, width: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}

export function linkPreview(): Plugin {
  let config: ResolvedConfig;
  const siteUrl = (process.env.CARTO_SITE_URL ?? '').replace(/\/?$/, '/');
  const url = (file: string) => (siteUrl === '/' ? file : new URL(file, siteUrl).toString());
  return {
    name: 'carto:link-preview',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle() {
      const favicon = path.join(config.publicDir, 'favicon.svg');
      if (existsSync(favicon)) this.emitFile({ type: 'asset', fileName: TOUCH_ICON_FILE, source: png(readFileSync(favicon, 'utf8'), 180) });
      const input = previewInput(path.join(config.publicDir, 'data'));
      if (!input) {
        this.warn('pas de données construites dans public/data : pas d’image d’aperçu (lancez npm run data)');
        return;
      }
      this.emitFile({ type: 'asset', fileName: PREVIEW_FILE, source: png(previewSvg(input), PREVIEW_WIDTH) });
    },
    transformIndexHtml: {
      handler(html, context) {
        if (!context.filename.endsWith('index.html')) return html;
        const meta = (attrs: Record<string, string>) => ({ tag: 'meta', attrs, injectTo: 'head' as const });
        return [
          { tag: 'link', attrs: { rel: 'apple-touch-icon', href: TOUCH_ICON_FILE }, injectTo: 'head' },
          meta({ property: 'og:type', content: 'website' }),
          meta({ property: 'og:locale', content: 'fr_FR' }),
          meta({ property: 'og:title', content: TITLE }),
          meta({ property: 'og:description', content: DESCRIPTION }),
          meta({ property: 'og:image', content: url(PREVIEW_FILE) }),
          meta({ property: 'og:image:width', content: String(PREVIEW_WIDTH) }),
          meta({ property: 'og:image:height', content: String(PREVIEW_HEIGHT) }),
          meta({ property: 'og:image:alt', content: 'Carte de France des départements teintés selon leur nombre d’innovations, avec les territoires d’outre-mer en médaillons et le parcours de la tournée.' }),
          ...(siteUrl === '/' ? [] : [meta({ property: 'og:url', content: siteUrl })]),
          meta({ name: 'twitter:card', content: 'summary_large_image' }),
          meta({ name: 'twitter:title', content: TITLE }),
          meta({ name: 'twitter:description', content: DESCRIPTION }),
          meta({ name: 'twitter:image', content: url(PREVIEW_FILE) }),
        ];
      },
    },
  };
}
