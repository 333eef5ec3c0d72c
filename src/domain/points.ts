/**
 * The innovations as compact columns: what the points worker keeps in memory to filter, count and
 * cluster, and the binary file (public/data/points.bin) that carries it from the data build.
 *
 * Row i of every column is the i-th innovation in display order (department, then title, then
 * id: see inDisplayOrder). The texts of row i live in chunk ⌊i / chunkSize⌋ of
 * `innovations-NNNN.json` (rows) and `recherche-NNNN.txt` (folded search text), fetched only when
 * a list row, a detail, an export or a search needs them (see chunkFile).
 *
 * File layout, little-endian: "CTIC", u32 version, u32 header byte length, the header as UTF-8
 * JSON, then each column of COLUMN_ORDER, every part starting on an 8-byte boundary.
 */
import type { Innovation, InnovationFeature } from './types';
import { foldText } from './normalize';

export const POINTS_FILE = 'points.bin';
export const POINTS_VERSION = 2;
const MAGIC = 'CTIC';

/** What the file says about its columns: their length, and the ids behind every coded value. */
export interface PointsHeader {
  version: number;
  count: number;
  /** Rows per chunk file (innovations-NNNN.json, recherche-NNNN.txt). */
  chunkSize: number;
  /** INSEE code of each department index. */
  departements: string[];
  /** Region code of each department index ('' when unknown). */
  regions: string[];
  /** Theme id of each bit of the `themes` masks. */
  themes: string[];
  /** Sector id of each bit of the `secteurs` masks. */
  secteurs: string[];
  /** Stop id of each value of `etape` minus one (0 = no stop). */
  etapes: string[];
}

/** The columns, row i = innovation i in display order. */
export interface PointsTable {
  header: PointsHeader;
  /** Display longitude and latitude (inside its inset when overseas). */
  x: Float32Array;
  y: Float32Array;
  /** `themeWords` 32-bit words per row; bit b of word w = theme 32w + b. */
  themes: Uint32Array;
  secteurs: Uint32Array;
  departement: Uint16Array;
  /** Year, 0 when unknown. */
  annee: Uint16Array;
  /** Index of the first theme (the point's colour), NO_THEME when none. */
  premierTheme: Uint8Array;
  /** 1 + index of the stop in header.etapes, 0 when none. */
  etape: Uint16Array;
  /** Year of the Trophées de l'Innovation Territoriale won, 0 when none (the laureates). */
  trophee: Uint16Array;
}

export const NO_THEME = 255;
/** More values than this in one vocabulary would not fit the columns' small integers. */
export const MAX_VOCABULARY = 254;

type ColumnName = Exclude<keyof PointsTable, 'header'>;
const COLUMN_ORDER: readonly ColumnName[] = ['x', 'y', 'themes', 'secteurs', 'departement', 'annee', 'premierTheme', 'etape', 'trophee'];
type TypedArray = Float32Array | Uint32Array | Uint16Array | Uint8Array;
const COLUMN_TYPES: Record<ColumnName, { new (buffer: ArrayBuffer, offset: number, length: number): TypedArray; BYTES_PER_ELEMENT: number }> = {
  x: Float32Array, y: Float32Array, themes: Uint32Array, secteurs: Uint32Array,
  departement: Uint16Array, annee: Uint16Array, premierTheme: Uint8Array, etape: Uint16Array, trophee: Uint16Array,
};

/** Words per row of a bit mask over `n` values. */
export const wordsFor = (n: number): number => Math.max(1, Math.ceil(n / 32));

function columnLength(header: PointsHeader, name: ColumnName): number {
  if (name === 'themes') return header.count * wordsFor(header.themes.length);
  if (name === 'secteurs') return header.count * wordsFor(header.secteurs.length);
  return header.count;
}

export class PointsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PointsFileError';
  }
}

const align8 = (n: number) => (n + 7) & ~7;

/** The file's bytes, in parts to write one after the other (no copy of the columns). */
export function encodePointsFile(table: PointsTable): Uint8Array[] {
  const json = new TextEncoder().encode(JSON.stringify(table.header));
  const head = new Uint8Array(align8(12 + json.length));
  head.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(head.buffer);
  view.setUint32(4, POINTS_VERSION, true);
  view.setUint32(8, json.length, true);
  head.set(json, 12);
  const parts: Uint8Array[] = [head];
  for (const name of COLUMN_ORDER) {
    const column = table[name];
    const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
    parts.push(bytes);
    const pad = align8(bytes.length) - bytes.length;
    if (pad > 0) parts.push(new Uint8Array(pad));
  }
  return parts;
}

/** Reads a points file. Throws PointsFileError (French) when it is not one, or not whole. */
export function decodePointsFile(buffer: ArrayBuffer): PointsTable {
  if (buffer.byteLength < 12 || new TextDecoder().decode(new Uint8Array(buffer, 0, 4)) !== MAGIC) {
    throw new PointsFileError("ce n'est pas un fichier de points de l'application");
  }
  const view = new DataView(buffer);
  const version = view.getUint32(4, true);
  if (version !== POINTS_VERSION) {
    throw new PointsFileError(`version ${version} du format, l'application lit la version ${POINTS_VERSION}`);
  }
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > buffer.byteLength) throw new PointsFileError('fichier tronqué (en-tête incomplet)');
  let header: PointsHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 12, jsonLength))) as PointsHeader;
  } catch {
    throw new PointsFileError("en-tête illisible (ce n'est pas du JSON)");
  }
  checkHeader(header);
  let offset = align8(12 + jsonLength);
  const columns = {} as Record<ColumnName, TypedArray>;
  for (const name of COLUMN_ORDER) {
    const Type = COLUMN_TYPES[name];
    const length = columnLength(header, name);
    const bytes = length * Type.BYTES_PER_ELEMENT;
    if (offset + bytes > buffer.byteLength) throw new PointsFileError(`fichier tronqué (colonne « ${name} » incomplète)`);
    columns[name] = new Type(buffer, offset, length);
    offset = align8(offset + bytes);
  }
  return { header, ...columns } as PointsTable;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function checkHeader(h: PointsHeader): void {
  const bad = (field: string, what: string) => new PointsFileError(`en-tête : le champ « ${field} » ${what}`);
  if (typeof h !== 'object' || h === null) throw new PointsFileError("en-tête : un objet JSON est attendu");
  if (!Number.isInteger(h.count) || h.count < 0) throw bad('count', 'doit être un entier positif');
  if (!Number.isInteger(h.chunkSize) || h.chunkSize < 1) throw bad('chunkSize', 'doit être un entier supérieur à 0');
  for (const field of ['departements', 'regions', 'themes', 'secteurs', 'etapes'] as const) {
    if (!isStringList(h[field])) throw bad(field, 'doit être une liste de textes');
  }
  if (h.regions.length !== h.departements.length) throw bad('regions', 'doit avoir une région par département');
  if (h.themes.length > MAX_VOCABULARY) throw bad('themes', `dépasse ${MAX_VOCABULARY} valeurs`);
}

/** Sort key of an INSEE department code: '2A' between '19' and '21', overseas after metropolitan. */
export function departementSortKey(code: string): string {
  if (/^2[AB]$/i.test(code)) return `020${code.toUpperCase()}`;
  return code.padStart(3, '0');
}

/**
 * The innovations in display order: department, then folded title, then id. Keys are computed
 * once per row (folding in the comparator would run millions of times at 1M rows). Does not
 * mutate its input.
 */
export function inDisplayOrder<T extends Pick<Innovation, 'departement' | 'titre' | 'id'>>(rows: readonly T[]): T[] {
  const keyed = rows.map((row) => ({ row, dep: departementSortKey(row.departement), titre: foldText(row.titre) }));
  keyed.sort((a, b) => (a.dep < b.dep ? -1 : a.dep > b.dep ? 1
    : a.titre < b.titre ? -1 : a.titre > b.titre ? 1
      : a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  return keyed.map((k) => k.row);
}

/** Separates the folded fields of one row in the search text files. */
export const SEARCH_FIELD_SEPARATOR = '\u001f';
// Control characters never reach a search (people do not type them): they may separate fields.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u001f\u007f]+/gu;

/** One line of a search text file: title, porteur, commune and description, folded. */
export function searchLine(p: Pick<Innovation, 'titre' | 'porteur' | 'commune' | 'description'>): string {
  return [p.titre, p.porteur, p.commune, p.description]
    .map((field) => foldText(field.replace(CONTROL, ' ')))
    .join(SEARCH_FIELD_SEPARATOR);
}

/** Vocabularies and places the columns code against. */
export interface PointsVocabulary {
  themes: readonly string[];
  secteurs: readonly string[];
  etapes: readonly string[];
  /** Region code of a department code ('' or undefined when unknown). */
  regionOf: (departement: string) => string | undefined;
}

/** Number of rows per chunk file for a data set of `count` innovations. */
export function chunkSizeFor(count: number): number {
  // About 100–200 kB of JSON per chunk: a list screen or a detail costs one small request.
  return count <= 2048 ? 512 : 1024;
}

/**
 * The columns of `features`, which must already be in display order. Ids not in the
 * vocabularies are left out of the masks (the build has rejected them before).
 */
export function buildPointsTable(features: readonly InnovationFeature[], vocabulary: PointsVocabulary, chunkSize = chunkSizeFor(features.length)): PointsTable {
  if (vocabulary.themes.length > MAX_VOCABULARY || vocabulary.secteurs.length > MAX_VOCABULARY) {
    throw new PointsFileError(`plus de ${MAX_VOCABULARY} thèmes ou secteurs`);
  }
  const count = features.length;
  const themeWords = wordsFor(vocabulary.themes.length);
  const secteurWords = wordsFor(vocabulary.secteurs.length);
  const themeBit = new Map(vocabulary.themes.map((id, i) => [id, i]));
  const secteurBit = new Map(vocabulary.secteurs.map((id, i) => [id, i]));
  const etapeIndex = new Map(vocabulary.etapes.map((id, i) => [id, i + 1]));
  const departements: string[] = [];
  const departementIndex = new Map<string, number>();
  const table = allocatePointsTable(count, vocabulary, chunkSize, departements);
  const setBits = (mask: Uint32Array, words: number, row: number, ids: readonly string[], bits: Map<string, number>) => {
    for (const id of ids) {
      const bit = bits.get(id);
      if (bit !== undefined) mask[row * words + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  };
  features.forEach((feature, i) => {
    const p = feature.properties;
    const [x = 0, y = 0] = feature.geometry.coordinates;
    table.x[i] = x;
    table.y[i] = y;
    setBits(table.themes, themeWords, i, p.themes, themeBit);
    setBits(table.secteurs, secteurWords, i, p.secteurs, secteurBit);
    let d = departementIndex.get(p.departement);
    if (d === undefined) {
      d = departements.length;
      departements.push(p.departement);
      departementIndex.set(p.departement, d);
    }
    table.departement[i] = d;
    table.annee[i] = p.annee !== null && p.annee > 0 && p.annee < 65536 ? p.annee : 0;
    const first = themeBit.get(p.themes[0] ?? '');
    table.premierTheme[i] = first ?? NO_THEME;
    table.etape[i] = etapeIndex.get(p.etape) ?? 0;
    table.trophee[i] = tropheeYear(p.trophee);
  });
  table.header.regions = departements.map((d) => vocabulary.regionOf(d) ?? '');
  return table;
}

/**
 * Empty columns for `count` rows (no theme, no stop, no year, no trophy), with their header; `departements`
 * is the list the caller fills as it meets department codes (header.regions follows it).
 */
export function allocatePointsTable(
  count: number, vocabulary: Pick<PointsVocabulary, 'themes' | 'secteurs' | 'etapes'>, chunkSize: number, departements: string[],
): PointsTable {
  return {
    header: {
      version: POINTS_VERSION, count, chunkSize, departements, regions: [],
      themes: [...vocabulary.themes], secteurs: [...vocabulary.secteurs], etapes: [...vocabulary.etapes],
    },
    x: new Float32Array(count),
    y: new Float32Array(count),
    themes: new Uint32Array(count * wordsFor(vocabulary.themes.length)),
    secteurs: new Uint32Array(count * wordsFor(vocabulary.secteurs.length)),
    departement: new Uint16Array(count),
    annee: new Uint16Array(count),
    premierTheme: new Uint8Array(count).fill(NO_THEME),
    etape: new Uint16Array(count),
    trophee: new Uint16Array(count),
  };
}

/** The parts of encodePointsFile as one buffer, as a file read whole gives it. */
export function joinParts(parts: readonly Uint8Array[]): ArrayBuffer {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out.buffer;
}

/** The trophee column's value: the trophy's year, 0 for none (or a year the column cannot hold). */
export function tropheeYear(trophee: Innovation['trophee']): number {
  return trophee !== null && trophee.annee > 0 && trophee.annee < 65536 ? trophee.annee : 0;
}

/** Whether row `row` has any bit of `selected` (a mask of the same word count). */
export function hasAnyBit(mask: Uint32Array, words: number, row: number, selected: Uint32Array): boolean {
  for (let w = 0; w < words; w++) if ((mask[row * words + w]! & selected[w]!) !== 0) return true;
  return false;
}

/** The ids of the bits set in row `row`'s mask, in bit order. */
export function idsOfBits(mask: Uint32Array, words: number, row: number, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (let w = 0; w < words; w++) {
    let m = mask[row * words + w]!;
    while (m !== 0) {
      const low = m & -m;
      out.push(ids[w * 32 + 31 - Math.clz32(low)]!);
      m ^= low;
    }
  }
  return out;
}

/**
 * File name of chunk `k` of the rows or of the search text: innovations-0003.json,
 * recherche-0003.txt. Beside the other files, not in sub-folders: the output stays one flat folder
 * (tools that list it, such as the side-by-side benchmark, read every entry as a file).
 */
export function chunkFile(kind: 'innovations' | 'recherche', k: number): string {
  return `${kind}-${String(k).padStart(4, '0')}.${kind === 'innovations' ? 'json' : 'txt'}`;
}

/** Number of chunk files of each kind for `count` rows (one, empty, when there is none). */
export function chunkCount(count: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(count / chunkSize));
}

/** File with the ids of all innovations in display order (to resolve an id from a shared link). */
export const IDS_FILE = 'identifiants.json';
