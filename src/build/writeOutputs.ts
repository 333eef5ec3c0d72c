/**
 * Writes what buildData produced into a folder, as the app and the open-data download read it.
 * Big files are written as streams, piece by piece: a million innovations never become one string
 * (V8 caps a string at about 512 MB).
 *
 * - points.bin: the compact columns the points worker loads at start (src/domain/points.ts);
 * - innovations-NNNN.json: the full rows, by chunks of `chunkSize`, in display order;
 * - recherche-NNNN.txt: the folded search text of the same rows, one line per row;
 * - identifiants.json: the ids in display order (to open a shared link's selection);
 * - innovations.geojson: every innovation, for download and other tools (the app does not load it);
 * - the small files: departements, etapes, insets, pays, vocabulaires, meta, report;
 * - contexte.geojson: main places and region borders the map shows once zoomed in (mapContext.ts);
 * - communes.json: the gazetteer's commune names by department, which the proposal form suggests.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { chunkCount, chunkFile, chunkSizeFor, encodePointsFile, IDS_FILE, POINTS_FILE } from '../domain/points';
import type { BuiltData } from './buildData';
import { DEPARTEMENT_INDEX_FILE, departementIndex } from './departementIndex';
import { CONTEXT_FILE, contextFile } from './mapContext';
import { COMMUNES_FILE } from '../domain/communes';

/** Files written whatever the data: the chunk files come in addition (see outputEntries). */
export const OUTPUT_FILES = [
  'departements.geojson', DEPARTEMENT_INDEX_FILE, 'innovations.geojson', 'etapes.geojson', 'insets.geojson',
  'vocabulaires.json', 'meta.json', 'pays.geojson', 'report.json', POINTS_FILE, IDS_FILE, CONTEXT_FILE, COMMUNES_FILE,
] as const;

/** Every file of an output folder holding `count` innovations (the folder has no sub-folder). */
export function outputEntries(count: number): string[] {
  const chunks = chunkCount(count, chunkSizeFor(count));
  const files: string[] = [...OUTPUT_FILES];
  for (let k = 0; k < chunks; k++) files.push(chunkFile('innovations', k), chunkFile('recherche', k));
  return files;
}

/** Writes to a file stream, waiting whenever its buffer is full (bounded memory). */
class StreamWriter {
  private readonly stream;
  constructor(file: string) {
    this.stream = createWriteStream(file);
  }
  async write(chunk: string | Uint8Array): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Bytes gathered piece by piece into one growing buffer (copies, so views may be reused after). */
class Bytes {
  private buffer = Buffer.allocUnsafe(1 << 16);
  length = 0;
  add(part: Uint8Array | string): this {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }
  /** One ASCII character (separators: no Buffer made for them, a million times over). */
  char(c: string): this {
    this.room(1);
    this.buffer[this.length++] = c.charCodeAt(0);
    return this;
  }
  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
  /** The bytes so far (a copy) and a fresh start. */
  take(): Buffer {
    const out = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}

/** How many chunk files may be being written at once (the writes overlap the next chunk's assembly). */
const PARALLEL_WRITES = 8;

/**
 * Writes every output of `data` into `dir` (which must exist and be empty). The innovations go
 * row by row from their compact store into the chunk files, the GeoJSON and the id list; the same
 * bytes as JSON.stringify of the features would give.
 */
export async function writeOutputs(dir: string, data: BuiltData): Promise<void> {
  const store = data.innovations;
  const order = store.displayOrder();
  const count = order.length;
  const chunkSize = chunkSizeFor(count);

  const points = new StreamWriter(path.join(dir, POINTS_FILE));
  for (const part of encodePointsFile(store.pointsTable(chunkSize))) await points.write(part);
  await points.close();

  const geojson = new StreamWriter(path.join(dir, 'innovations.geojson'));
  const ids = new StreamWriter(path.join(dir, IDS_FILE));
  await geojson.write('{"type":"FeatureCollection","features":[');
  await ids.write('[');
  const rows = new Bytes();
  const search = new Bytes();
  const all = new Bytes();
  let idText = '';
  let pending: Promise<void>[] = [];
  for (let start = 0, k = 0; start < count || k === 0; start += chunkSize, k++) {
    const end = Math.min(count, start + chunkSize);
    rows.char('[');
    for (let n = start; n < end; n += 1) {
      const i = order[n] as number;
      const [feature, searchText] = store.row(i);
      if (n > start) rows.char(',');
      rows.add(feature);
      if (n > 0) all.char(',');
      all.char('\n').add(feature);
      search.add(searchText).char('\n');
      idText += (n === 0 ? '\n' : ',\n') + JSON.stringify(store.id(i));
    }
    rows.char(']');
    pending.push(
      writeFile(path.join(dir, chunkFile('innovations', k)), rows.take()),
      writeFile(path.join(dir, chunkFile('recherche', k)), search.take()),
    );
    if (pending.length >= 2 * PARALLEL_WRITES) {
      await Promise.all(pending);
      pending = [];
    }
    // Batches of about 1 MB: fewer stream writes, bounded memory.
    if (all.length > 1 << 20) await geojson.write(all.take());
    if (idText.length > 1 << 20) {
      await ids.write(idText);
      idText = '';
    }
  }
  await Promise.all(pending);
  await geojson.write(all.add('\n]}').take());
  await ids.write(`${idText}\n]`);
  await Promise.all([geojson.close(), ids.close()]);

  const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  await Promise.all([
    writeFile(path.join(dir, 'departements.geojson'), collection(data.departements)),
    writeFile(path.join(dir, DEPARTEMENT_INDEX_FILE), JSON.stringify(departementIndex(data.departements))),
    writeFile(path.join(dir, 'etapes.geojson'), collection(data.etapes)),
    writeFile(path.join(dir, 'insets.geojson'), collection(data.insets)),
    writeFile(path.join(dir, 'vocabulaires.json'), JSON.stringify(data.vocabulaires, null, 2)),
    writeFile(path.join(dir, 'meta.json'), JSON.stringify(data.meta, null, 2)),
    writeFile(path.join(dir, 'pays.geojson'), data.pays),
    contextFile(data.departements).then((text) => writeFile(path.join(dir, CONTEXT_FILE), text)),
    writeReport(path.join(dir, 'report.json'), data.report),
    writeFile(path.join(dir, COMMUNES_FILE), JSON.stringify(data.communes)),
  ]);
}

/**
 * report.json as JSON.stringify(report, null, 2) writes it, one diagnostic at a time: a file of a
 * million rows in error must not make one string of all its messages.
 */
async function writeReport(file: string, report: BuiltData['report']): Promise<void> {
  // The layout below is the one of these four keys, in this order.
  if (Object.keys(report).join() !== 'generatedAt,files,warnings,errors') throw new Error('report.json : champs inattendus');
  const out = new StreamWriter(file);
  const list = async (name: 'warnings' | 'errors', last: boolean) => {
    const items = report[name];
    if (items.length === 0) {
      await out.write(`  "${name}": []${last ? '' : ','}\n`);
      return;
    }
    await out.write(`  "${name}": [\n`);
    let batch = '';
    for (let i = 0; i < items.length; i += 1) {
      batch += `    ${indented(JSON.stringify(items[i], null, 2), 4)}${i + 1 < items.length ? ',' : ''}\n`;
      if (batch.length > 1 << 20) {
        await out.write(batch);
        batch = '';
      }
    }
    await out.write(`${batch}  ]${last ? '' : ','}\n`);
  };
  await out.write(`{\n  "generatedAt": ${JSON.stringify(report.generatedAt)},\n  "files": ${indented(JSON.stringify(report.files, null, 2), 2)},\n`);
  await list('warnings', false);
  await list('errors', true);
  await out.write('}');
  await out.close();
}

/** Pretty JSON nested `spaces` deeper. */
const indented = (json: string, spaces: number) => json.replace(/\n/gu, `\n${' '.repeat(spaces)}`);
