/**
 * Writes what buildData produced into a folder, as the app and the open-data download read it.
 * Big files are written as streams, piece by piece: a million innovations never become one string
 * (V8 caps a string at about 512 MB).
 *
 * - points.bin: the compact columns the points worker loads at start (src/domain/points.ts);
 * - innovations/NNNN.json: the full rows, by chunks of `chunkSize`, in display order;
 * - recherche/NNNN.txt: the folded search text of the same rows, one line per row;
 * - identifiants.json: the ids in display order (to open a shared link's selection);
 * - innovations.geojson: every innovation, for download and other tools (the app does not load it);
 * - the small files: departements, etapes, insets, pays, vocabulaires, meta, report.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import {
  buildPointsTable, chunkFile, encodePointsFile, IDS_FILE, POINTS_FILE, searchLine,
} from '../domain/points';
import type { BuiltData } from './buildData';

/** Files and folders written at the top of the output folder. */
export const OUTPUT_ENTRIES = [
  'departements.geojson', 'innovations.geojson', 'etapes.geojson', 'insets.geojson',
  'vocabulaires.json', 'meta.json', 'pays.geojson', 'report.json',
  POINTS_FILE, IDS_FILE, 'innovations', 'recherche',
] as const;

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

async function writeJsonArrayStream(file: string, prefix: string, items: Iterable<unknown>, suffix: string): Promise<void> {
  const out = new StreamWriter(file);
  await out.write(prefix);
  let first = true;
  let pending = '';
  for (const item of items) {
    pending += (first ? '\n' : ',\n') + JSON.stringify(item);
    first = false;
    // Batches of about 1 MB: fewer stream writes, bounded memory.
    if (pending.length > 1 << 20) {
      await out.write(pending);
      pending = '';
    }
  }
  await out.write(`${pending}\n${suffix}`);
  await out.close();
}

/** Writes every output of `data` into `dir` (which must exist and be empty). */
export async function writeOutputs(dir: string, data: BuiltData): Promise<void> {
  const { innovations } = data;
  const table = buildPointsTable(innovations, {
    themes: data.vocabulaires.themes.map((t) => t.id),
    secteurs: data.vocabulaires.secteurs.map((s) => s.id),
    etapes: data.etapes.map((e) => e.properties.id),
    regionOf: data.regionOf,
  });
  const { chunkSize } = table.header;
  await Promise.all([mkdir(path.join(dir, 'innovations')), mkdir(path.join(dir, 'recherche'))]);

  const points = new StreamWriter(path.join(dir, POINTS_FILE));
  for (const part of encodePointsFile(table)) await points.write(part);
  await points.close();

  for (let start = 0, k = 0; start < innovations.length || k === 0; start += chunkSize, k++) {
    const rows = innovations.slice(start, start + chunkSize);
    await writeFile(path.join(dir, chunkFile('innovations', k)), JSON.stringify(rows));
    await writeFile(path.join(dir, chunkFile('recherche', k)), rows.map((f) => `${searchLine(f.properties)}\n`).join(''));
  }

  await writeJsonArrayStream(path.join(dir, IDS_FILE), '[', innovations.map((f) => f.properties.id), ']');
  await writeJsonArrayStream(path.join(dir, 'innovations.geojson'), '{"type":"FeatureCollection","features":[', innovations, ']}');

  const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  await Promise.all([
    writeFile(path.join(dir, 'departements.geojson'), collection(data.departements)),
    writeFile(path.join(dir, 'etapes.geojson'), collection(data.etapes)),
    writeFile(path.join(dir, 'insets.geojson'), collection(data.insets)),
    writeFile(path.join(dir, 'vocabulaires.json'), JSON.stringify(data.vocabulaires, null, 2)),
    writeFile(path.join(dir, 'meta.json'), JSON.stringify(data.meta, null, 2)),
    writeFile(path.join(dir, 'pays.geojson'), data.pays),
    writeFile(path.join(dir, 'report.json'), JSON.stringify(data.report, null, 2)),
  ]);
}
