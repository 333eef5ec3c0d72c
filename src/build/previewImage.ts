/**
 * The picture a shared link shows (Open Graph, Twitter card): the national view of the map drawn
 * from the built data as an SVG, 1200 × 630, with the title and the counts beside it. No browser
 * and no outside service: vite-plugins/apercu.ts turns it into a PNG at each site build.
 *
 * It draws what the map's first view draws: the neighbouring countries, the departments shaded by
 * their number of innovations (same classes and colours as the map), the overseas frames, the
 * tour's stops and legs.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { NATIONAL_VIEW_BOUNDS } from '../domain/insets';
import { classForCount, countsForCodes, legendClasses } from '../domain/legend';
import { formatDate } from '../domain/presentation';
import { etapesInDateOrder } from '../domain/route';
import type { DepartementDisplayFeature, EtapeFeature, InsetFrameFeature } from '../domain/types';
import { DEFAULT_TOKENS, shadeColour, type MapTokens } from '../map/tokens';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

export interface PreviewInput {
  departements: readonly DepartementDisplayFeature[];
  insets: readonly InsetFrameFeature[];
  /** Neighbouring countries (pays.geojson). */
  pays: FeatureCollection<Polygon | MultiPolygon>;
  etapes: readonly EtapeFeature[];
  /** Department code of every innovation (innovations.geojson). */
  innovationDepartements: readonly string[];
  dateDonnees: string;
  exemple: boolean;
}

/** Where the map goes in the picture: the right part, the text on the left. */
const MAP_BOX = { x: 470, y: 15, width: 715, height: 600 };

/** Web Mercator northing; latitudes past ±85° (polar lands of the neighbours file) are held there. */
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
const DEG = Math.PI / 180;

/** Display longitude/latitude → picture pixels, fitting the national view into MAP_BOX. */
function projector(): (p: Position) => [number, number] {
  const [w, s, e, n] = NATIONAL_VIEW_BOUNDS;
  const [top, bottom] = [mercatorY(n), mercatorY(s)];
  const scale = Math.min(MAP_BOX.width / ((e - w) * DEG), MAP_BOX.height / (top - bottom));
  const offsetX = MAP_BOX.x + (MAP_BOX.width - (e - w) * DEG * scale) / 2;
  const offsetY = MAP_BOX.y + (MAP_BOX.height - (top - bottom) * scale) / 2;
  return (p) => [offsetX + ((p[0] as number) - w) * DEG * scale, offsetY + (top - mercatorY(p[1] as number)) * scale];
}

const number = (v: number) => String(Math.round(v * 10) / 10);

/**
 * SVG path data of a polygon's rings; rings smaller than a pixel (Monaco, the Vatican, islets) are
 * left out: they would not show, and a ring of one point makes the renderer fail.
 */
function pathOf(geometry: Polygon | MultiPolygon, project: (p: Position) => [number, number]): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flat().map((ring) => {
    const points = ring.map(project);
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    if (Math.max(...xs) - Math.min(...xs) < 1 && Math.max(...ys) - Math.min(...ys) < 1) return '';
    return `M${points.map(([x, y]) => `${number(x)} ${number(y)}`).join('L')}Z`;
  }).join('');
}

const shape = (d: string, attributes: string) => (d === '' ? '' : `<path d="${d}" ${attributes}/>`);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}

/** The preview as SVG text. Pure; does not mutate its input. */
export function previewSvg(input: PreviewInput, tokens: MapTokens = DEFAULT_TOKENS): string {
  const project = projector();
  const zones = input.departements.filter((f): f is Feature<Polygon | MultiPolygon, DepartementDisplayFeature['properties']> =>
    f.properties.role === 'zone' && f.geometry.type !== 'Point');
  const byDepartement = new Map<string, number>();
  for (const code of input.innovationDepartements) byDepartement.set(code, (byDepartement.get(code) ?? 0) + 1);
  const codes = zones.map((z) => z.properties.code);
  const classes = legendClasses(countsForCodes(codes, byDepartement));
  const stops = etapesInDateOrder(input.etapes).map((e) => project((e as Feature<Point>).geometry.coordinates));

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}">`,
    `<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="#ffffff"/>`,
    `<rect x="${MAP_BOX.x}" y="${MAP_BOX.y}" width="${MAP_BOX.width}" height="${MAP_BOX.height}" fill="${tokens.mer}"/>`,
    ...input.pays.features.map((f) => shape(pathOf(f.geometry, project), `fill="${tokens.pays}" stroke="${tokens.paysContour}" stroke-width="0.6"`)),
    ...input.insets.map((f) => shape(pathOf(f.geometry, project), `fill="${tokens.encartFond}" stroke="${tokens.encartContour}" stroke-width="1"`)),
    ...zones.map((f) => {
      const teinte = classForCount(byDepartement.get(f.properties.code) ?? 0, classes).teinte;
      return shape(pathOf(f.geometry, project), `fill="${shadeColour(tokens, teinte)}" stroke="${tokens.departementContour}" stroke-width="0.5"`);
    }),
    stops.length > 1
      ? `<path d="M${stops.map(([x, y]) => `${number(x)} ${number(y)}`).join('L')}" fill="none" stroke="${tokens.parcours}" stroke-width="2.5" stroke-dasharray="7 5" stroke-linejoin="round" opacity="0.85"/>`
      : '',
    ...stops.map(([x, y]) => `<rect x="${number(x - 6)}" y="${number(y - 6)}" width="12" height="12" transform="rotate(45 ${number(x)} ${number(y)})" fill="${tokens.parcours}" stroke="#ffffff" stroke-width="2"/>`),
    // White around the map's box hides what lies outside it (resvg fails on a clip path this big).
    `<path d="M0 0H${PREVIEW_WIDTH}V${PREVIEW_HEIGHT}H0Z M${MAP_BOX.x} ${MAP_BOX.y}V${MAP_BOX.y + MAP_BOX.height}H${MAP_BOX.x + MAP_BOX.width}V${MAP_BOX.y}Z" fill="#ffffff" fill-rule="evenodd"/>`,
    `<rect x="${MAP_BOX.x}" y="${MAP_BOX.y}" width="${MAP_BOX.width}" height="${MAP_BOX.height}" fill="none" stroke="#c4c4c0"/>`,
    `<g font-family="DejaVu Sans, Noto Sans, Arial, sans-serif" fill="#1f1f1f">`,
    `<text x="40" y="120" font-size="46" font-weight="700">Cartographie TIC</text>`,
    `<text x="40" y="174" font-size="46" font-weight="700">des territoires</text>`,
    `<text x="40" y="230" font-size="22" fill="#3d3d3d">Innovations numériques des territoires</text>`,
    `<text x="40" y="260" font-size="22" fill="#3d3d3d">et étapes de La Route des Territoires 2009</text>`,
    `<rect x="40" y="300" width="72" height="6" fill="${tokens.parcours}"/>`,
    `<text x="40" y="360" font-size="28" font-weight="700" fill="#1a4f8b">${escape(plural(input.innovationDepartements.length, 'innovation', 'innovations'))}</text>`,
    `<text x="40" y="400" font-size="24" fill="#1f1f1f">${escape(plural(input.etapes.length, 'étape', 'étapes'))} de la tournée</text>`,
    `<text x="40" y="440" font-size="22" fill="#3d3d3d">${escape(`Métropole et outre-mer, ${plural(zones.length, 'territoire', 'territoires')}`)}</text>`,
    `<text x="40" y="560" font-size="18" fill="#555555">${escape(`Données mises à jour le ${formatDate(input.dateDonnees)}`)}</text>`,
    input.exemple ? `<text x="40" y="590" font-size="18" fill="#8a5a00">Données d'exemple</text>` : '',
    `</g>`,
    `</svg>`,
  ];
  return parts.filter(Boolean).join('\n');
}
