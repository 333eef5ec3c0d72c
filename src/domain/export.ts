/**
 * What users take away: the filtered innovations as a spreadsheet (CSV) or GeoJSON, the stops as
 * a calendar (iCalendar), and a short note saying what the files hold. Pure: the browser part
 * (Blob, download link) lives in the component.
 *
 * The CSV is a plain table (header on the first line) so Excel, LibreOffice and the data build can
 * read it back; the filters and the data date go in the file name and in the note, not in extra
 * rows that would break the table.
 */
import Papa from 'papaparse';
import type { Feature, FeatureCollection, Point } from 'geojson';
import {
  INNOVATION_COLUMNS, INNOVATION_OPTIONAL_COLUMNS, type DataMeta, type DepartementInfo, type EtapeFeature, type Filters, type InnovationFeature,
  type Vocabulaires, type Wording,
} from './types';
import { describeFilters, filtersSlug } from './filterLabels';
import { etapePlace, localIsoDate, vocabLabelOf } from './presentation';
import { decimalCell, FORMULA_START, type CsvDelimiter } from './csvCells';
import { formatTrophee } from './validateValues';
import { etapesInDateOrder } from './route';

/**
 * Columns of the exported CSV, in French whatever the interface's language: the organisers'
 * spreadsheets and the data build read them back by these names (a contract, like the labels of
 * themes_libelles and secteurs_libelles, which stay the French `libelle`). The source columns (themes and sectors as ids, as the data build
 * reads them back) and the optional `trophee`, then what a reader needs: theme and sector labels,
 * department and region names, how the point was placed.
 */
export const EXPORT_COLUMNS = [
  ...INNOVATION_COLUMNS, ...INNOVATION_OPTIONAL_COLUMNS, 'themes_libelles', 'secteurs_libelles', 'departement_nom', 'region_nom', 'position',
] as const;

/** Separator of list cells (themes, sectors), as in the source files. */
export const LIST_SEPARATOR = '|';

/** Separator of label lists: spaced, for a person reading the cell. */
export const LABEL_SEPARATOR = ' | ';

const NO_VOCABULARIES: Vocabulaires = Object.freeze({ themes: [], secteurs: [] }) as unknown as Vocabulaires;

function labels(ids: readonly string[], entries: Vocabulaires['themes']): string {
  return ids.map((id) => entries.find((e) => e.id === id)?.libelle ?? id).join(LABEL_SEPARATOR);
}

export type { CsvDelimiter };

const BOM = '\uFEFF';

/**
 * One CSV row per innovation, keyed by EXPORT_COLUMNS, with real (never inset) coordinates. An id
 * the vocabularies do not know is its own label.
 */
export function exportRow(
  feature: InnovationFeature,
  departements: ReadonlyMap<string, DepartementInfo>,
  delimiter: CsvDelimiter,
  vocabulaires: Vocabulaires = NO_VOCABULARIES,
): Record<(typeof EXPORT_COLUMNS)[number], string> {
  const p = feature.properties;
  const d = departements.get(p.departement);
  return {
    id: p.id,
    titre: p.titre,
    description: p.description,
    themes: p.themes.join(LIST_SEPARATOR),
    secteurs: p.secteurs.join(LIST_SEPARATOR),
    departement: p.departement,
    commune: p.commune,
    latitude: decimalCell(p.latitude, delimiter),
    longitude: decimalCell(p.longitude, delimiter),
    porteur: p.porteur,
    annee: p.annee === null ? '' : String(p.annee),
    site_web: p.site_web,
    etape: p.etape,
    trophee: formatTrophee(p.trophee),
    themes_libelles: labels(p.themes, vocabulaires.themes),
    secteurs_libelles: labels(p.secteurs, vocabulaires.secteurs),
    departement_nom: d?.nom ?? '',
    region_nom: d?.region_nom ?? '',
    position: p.position,
  };
}

/** The innovations as CSV text, UTF-8 BOM first, CRLF line ends, formula cells neutralised. */
export function innovationsCsv(
  innovations: readonly InnovationFeature[],
  departements: ReadonlyMap<string, DepartementInfo>,
  delimiter: CsvDelimiter = ';',
  vocabulaires: Vocabulaires = NO_VOCABULARIES,
): string {
  const rows = innovations.map((f) => exportRow(f, departements, delimiter, vocabulaires));
  return BOM + Papa.unparse(rows, {
    columns: [...EXPORT_COLUMNS],
    delimiter,
    newline: '\r\n',
    escapeFormulae: FORMULA_START,
    header: true,
  }) + '\r\n';
}


export type ExportKind = 'csv' | 'geojson' | 'ics' | 'notice';

/**
 * File name saying what the file holds and when it was taken:
 * `innovations-telesante-2026-11-29.csv`, `etapes-route-des-territoires-2026-11-29.ics`.
 */
export function exportFileName(
  kind: ExportKind,
  filters: Filters,
  departements: ReadonlyMap<string, DepartementInfo>,
  today: Date,
): string {
  const date = localIsoDate(today);
  if (kind === 'ics') {
    const themes = filtersSlug({ ...emptyCriteria(filters), themes: filters.themes }, departements);
    return ['etapes-route-des-territoires', themes, date].filter(Boolean).join('-') + '.ics';
  }
  const base = ['innovations', filtersSlug(filters, departements), date].filter(Boolean).join('-');
  return kind === 'notice' ? `${base}-notice.txt` : `${base}.${kind}`;
}

function emptyCriteria(filters: Filters): Filters {
  return { ...filters, themes: [], secteurs: [], region: null, departement: null, anneeMin: null, anneeMax: null, texte: '', laureats: false };
}

/** Facts stated with every export: filters, data date, export date, count. */
export interface ExportContext {
  filters: Filters;
  vocabulaires: Vocabulaires;
  departements: ReadonlyMap<string, DepartementInfo>;
  meta: DataMeta;
  today: Date;
  /** The interface's words: the note and the filters described speak its language. */
  w: Wording;
}

/** The note that goes with an export: what it holds, how it was filtered, how old the data is. */
export function exportNotice(count: number, ctx: ExportContext): string {
  const { t } = ctx.w;
  const lines = [
    t('notice.title'),
    '',
    t('notice.count', { count }),
    t('notice.dataDate', { date: ctx.meta.date_donnees }),
    t('notice.exportDate', { date: localIsoDate(ctx.today) }),
    ...(ctx.meta.exemple ? [t('notice.sample')] : []),
    '',
    t('notice.filters'),
    ...describeFilters(ctx.filters, ctx.vocabulaires, ctx.departements, ctx.w).map((l) => `- ${l}`),
    '',
    t('notice.files'),
    `- ${t('notice.csv', { file: exportFileName('csv', ctx.filters, ctx.departements, ctx.today) })}`,
    `- ${t('notice.coordinates')}`,
    `- ${t('notice.position')}`,
    `- ${t('notice.lists')}`,
    `- ${t('notice.trophee')}`,
    '',
    t('notice.sources'),
    ...ctx.meta.attributions.map((a) => `- ${a}`),
  ];
  return lines.join('\r\n') + '\r\n';
}

/** The innovations as GeoJSON with real coordinates; the export facts ride along as a foreign member. */
export function innovationsGeoJson(
  innovations: readonly InnovationFeature[],
  ctx: ExportContext,
): FeatureCollection<Point> & { export: Record<string, unknown> } {
  const features: Feature<Point>[] = innovations.map((f) => {
    const p = f.properties;
    const d = ctx.departements.get(p.departement);
    return {
      type: 'Feature',
      id: p.id,
      geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
      properties: { ...p, themes: [...p.themes], secteurs: [...p.secteurs], departement_nom: d?.nom ?? '', region_nom: d?.region_nom ?? '' },
    };
  });
  return {
    type: 'FeatureCollection',
    export: {
      filtres: describeFilters(ctx.filters, ctx.vocabulaires, ctx.departements, ctx.w),
      date_donnees: ctx.meta.date_donnees,
      date_export: localIsoDate(ctx.today),
      donnees_exemple: ctx.meta.exemple,
    },
    features,
  };
}

// iCalendar (RFC 5545)

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function icsEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line so no line exceeds 75 octets, never splitting a UTF-8 character (§3.1). */
export function icsFold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > 75) {
      out.push(current);
      // A continuation line starts with one space, which counts in its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');

function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10).replace(/-/g, '');
}

function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The stops as an iCalendar file of all-day events, CRLF line ends, folded lines. */
export function etapesIcs(
  etapes: readonly EtapeFeature[],
  vocabulaires: Vocabulaires,
  departements: ReadonlyMap<string, DepartementInfo>,
  now: Date,
  w: Wording,
): string {
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cartographie TIC des territoires//La Route des Territoires//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape('La Route des Territoires')}`,
  ];
  for (const { properties: e } of etapesInDateOrder(etapes)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) continue;
    const place = etapePlace(e, departements.get(e.departement)?.nom ?? e.departement);
    const themes = e.themes.map((t) => vocabLabelOf(vocabulaires.themes, t, w.lang));
    const description = [e.intitule, themes.length ? w.t('notice.icsThemes', { list: themes.join(', ') }) : ''].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:etape-${icsEscape(e.id)}@route-des-territoires.cartographie-tic`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${nextDay(e.date)}`,
      `SUMMARY:${icsEscape(`La Route des Territoires — ${place}`)}`,
      `LOCATION:${icsEscape(place)}`,
      `DESCRIPTION:${icsEscape(description)}`,
      `GEO:${Number(e.latitude.toFixed(6))};${Number(e.longitude.toFixed(6))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(icsFold).join('\r\n') + '\r\n';
}
