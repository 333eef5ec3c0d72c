/**
 * `npm run propositions`: visitors' proposition files (the form's `proposition-…csv`, one row of
 * innovations.csv plus a `contact` column) checked with the data build's own row rules, boundaries
 * and gazetteer included, then given their final ids and written as new rows of innovations.csv,
 * in that file's encoding, separator and line breaks. A proposition whose title and commune are
 * already there is reported and left out. Pure of file writes: the CLI (scripts/propositions.ts)
 * appends the bytes given here, atomically.
 */
import iconv from 'iconv-lite';
import type { DepartementCollection, Diagnostic, Innovation, VocabEntry } from '../domain/types';
import { ETAPE_COLUMNS, ETAPE_OPTIONAL_COLUMNS, INNOVATION_COLUMNS, INNOVATION_OPTIONAL_COLUMNS, VOCAB_COLUMNS, VOCAB_OPTIONAL_COLUMNS } from '../domain/types';
import { EXPORT_COLUMNS } from '../domain/export';
import { csvLine, decimalCell } from '../domain/csvCells';
import { foldText } from '../domain/normalize';
import { formatTrophee, parseEmail } from '../domain/validateValues';
import { isProvisionalId, propositionKey } from '../domain/propositions';
import { allBytes, readCsvTable, streamCsvTable, type CsvSource } from './csv/table';
import { decodePieces, detectEncoding, type CsvEncoding } from './csv/decode';
import { createDepartementResolver } from './departementCodes';
import { DEPARTEMENTS } from './cog';
import { type CommuneGazetteer, DepartementLocator } from './geocode';
import { innovationCheck, rejectedKeys, RowsChecker, validateEtapes, validateVocabulary, VocabLookup, type InnovationColumn } from './validateRows';

/** A file given as its path and bytes, read in pieces (see CsvSource). */
export type PropositionSource = CsvSource;

export interface PropositionsInput {
  propositions: PropositionSource[];
  /** data/innovations.csv, where the propositions go. */
  innovations: PropositionSource;
  etapes: PropositionSource;
  themes: PropositionSource;
  secteurs: PropositionSource;
  boundaries: DepartementCollection;
  gazetteer: CommuneGazetteer;
}

/** A proposition that will be added: where it came from and the id it gets. */
export interface AcceptedProposition {
  file: string;
  line: number;
  id: string;
  titre: string;
  contact: string;
}

export interface PropositionsResult {
  /** Errors (nothing may be added) and warnings, located in their files. */
  diagnostics: Diagnostic[];
  accepted: AcceptedProposition[];
  /** Propositions left out because innovations.csv already has them (or an earlier file does). */
  duplicates: number;
  /** Proposition rows read, all files together. */
  read: number;
  /** The bytes to append to innovations.csv (empty when nothing is to be added or there is an error). */
  append: Uint8Array;
}

/** Everything innovations.csv tells about how to write into it, and what it already holds. */
interface TargetFile {
  encoding: CsvEncoding;
  delimiter: string;
  lineBreak: string;
  endsWithLineBreak: boolean;
  header: string[];
  /** Ids as written. */
  ids: string[];
  /** Line of each (title, commune) already there. */
  keys: Map<string, { line: number; id: string }>;
}

const ERROR = (file: string, message: string, line = 1, column = 1): Diagnostic => ({ severity: 'error', file, line, column, message });

/** Reads innovations.csv as a stream: its format, ids and (title, commune) keys, not its rows. */
async function readTarget(source: PropositionSource, diagnostics: Diagnostic[]): Promise<TargetFile | undefined> {
  const detected = await detectEncoding(source.pieces());
  let lineBreak: string | undefined;
  let last = '';
  for await (const text of decodePieces(source.pieces(), detected)) {
    lineBreak ??= /\r\n|\n|\r/u.exec(text)?.[0];
    last = text.at(-1) ?? last;
  }
  const ids: string[] = [];
  const keys = new Map<string, { line: number; id: string }>();
  const { table, diagnostics: found } = await streamCsvTable(source, INNOVATION_COLUMNS, (row, columns) => {
    const cell = (c: (typeof INNOVATION_COLUMNS)[number]) => row.cells[columns.index[c]] ?? '';
    if (cell('id') !== '') ids.push(cell('id'));
    const key = propositionKey(cell('titre'), cell('commune'));
    if (!keys.has(key)) keys.set(key, { line: row.line, id: cell('id') });
  }, { known: EXPORT_COLUMNS });
  for (const d of found) if (d.severity === 'error') diagnostics.push(d);
  if (!table) return undefined;
  return {
    encoding: table.encoding,
    delimiter: table.delimiter,
    lineBreak: lineBreak ?? '\r\n',
    endsWithLineBreak: last === '\n' || last === '\r' || last === '',
    header: table.header,
    ids,
    keys,
  };
}

/**
 * The next free ids after the file's own (`ids` as written): its usual prefix and width
 * ("i042" → "i043"); an id is free when no id of `taken` (folded) is the same without case.
 */
function idMaker(ids: readonly string[], taken: Set<string>): () => string {
  const prefixes = new Map<string, { count: number; max: number; width: number }>();
  for (const id of ids) {
    const m = /^(.*?)(\d+)$/u.exec(id);
    if (!m || isProvisionalId(id)) continue;
    const [prefix, digits] = [m[1] as string, m[2] as string];
    const seen = prefixes.get(prefix) ?? { count: 0, max: 0, width: 0 };
    prefixes.set(prefix, { count: seen.count + 1, max: Math.max(seen.max, Number(digits)), width: Math.max(seen.width, digits.length) });
  }
  const [prefix, usual] = [...prefixes].sort((a, b) => b[1].count - a[1].count)[0] ?? ['i', { max: 0, width: 3 }];
  let next = usual.max;
  return () => {
    let id: string;
    do {
      next += 1;
      id = `${prefix}${String(next).padStart(usual.width, '0')}`;
    } while (taken.has(foldText(id)));
    taken.add(foldText(id));
    return id;
  };
}

/** The cells of a new row, in the order of innovations.csv's own header (other columns empty). */
function rowCells(header: readonly string[], innovation: Innovation, delimiter: string): string[] {
  const values: Record<string, string> = {
    id: innovation.id,
    titre: innovation.titre,
    description: innovation.description,
    themes: innovation.themes.join('|'),
    secteurs: innovation.secteurs.join('|'),
    departement: innovation.departement,
    commune: innovation.commune,
    // Coordinates only when the proposer gave them: the build places by commune otherwise.
    latitude: innovation.position === 'exact' ? decimalCell(innovation.latitude, delimiter) : '',
    longitude: innovation.position === 'exact' ? decimalCell(innovation.longitude, delimiter) : '',
    porteur: innovation.porteur,
    annee: innovation.annee === null ? '' : String(innovation.annee),
    site_web: innovation.site_web,
    etape: innovation.etape,
    trophee: formatTrophee(innovation.trophee),
  };
  return header.map((name) => values[foldText(name)] ?? '');
}

/** Text in the file's encoding; undefined when a character cannot be written in it (Windows-1252). */
function encode(text: string, encoding: CsvEncoding): Uint8Array | undefined {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const name = encoding === 'windows-1252' ? 'win1252' : encoding === 'utf-16le' ? 'utf16le' : 'utf16-be';
  const bytes = iconv.encode(text, name);
  return iconv.decode(bytes, name) === text ? new Uint8Array(bytes) : undefined;
}

/** The first character of `text` Windows-1252 cannot write. */
function unwritable(text: string): string {
  for (const ch of text) if (iconv.decode(iconv.encode(ch, 'win1252'), 'win1252') !== ch) return ch;
  return '?';
}

/**
 * Checks every proposition against the data (vocabularies, stops, boundaries, gazetteer: the rules
 * of `npm run data`), leaves out those already in innovations.csv, and gives the rest their ids
 * and their bytes in innovations.csv's format.
 */
export async function mergePropositions(input: PropositionsInput): Promise<PropositionsResult> {
  const diagnostics: Diagnostic[] = [];
  const none = (): PropositionsResult => ({ diagnostics, accepted: [], duplicates: 0, read: 0, append: new Uint8Array(0) });

  const vocabulary = async (source: PropositionSource, what: string): Promise<VocabLookup | undefined> => {
    const { table, diagnostics: found } = readCsvTable(await allBytes(source), source.path, VOCAB_COLUMNS, { known: VOCAB_OPTIONAL_COLUMNS });
    if (!table) {
      diagnostics.push(...found.filter((d) => d.severity === 'error'));
      return undefined;
    }
    const checked = validateVocabulary(table);
    const entries: VocabEntry[] = checked.items;
    return new VocabLookup(entries, what, rejectedKeys(table, new Set(entries.map((e) => e.id)), ['id', 'libelle']));
  };
  const themes = await vocabulary(input.themes, 'thème');
  const secteurs = await vocabulary(input.secteurs, 'secteur');
  const placement = {
    departements: createDepartementResolver(DEPARTEMENTS),
    locator: new DepartementLocator(input.boundaries),
    gazetteer: input.gazetteer,
  };
  const etapesRead = readCsvTable(await allBytes(input.etapes), input.etapes.path, ETAPE_COLUMNS, { known: ETAPE_OPTIONAL_COLUMNS });
  const target = await readTarget(input.innovations, diagnostics);
  if (!themes || !secteurs || !etapesRead.table || !target) {
    diagnostics.push(...etapesRead.diagnostics.filter((d) => d.severity === 'error'));
    return none();
  }
  const etapes = validateEtapes(etapesRead.table, { ...placement, themes }).items;

  const newId = idMaker(target.ids, new Set(target.ids.map(foldText)));
  const keys = new Map(target.keys);
  const accepted: (AcceptedProposition & { innovation: Innovation })[] = [];
  let duplicates = 0;
  let read = 0;
  const hasTrophee = target.header.some((h) => foldText(h) === 'trophee');

  for (const source of input.propositions) {
    const { table, diagnostics: found } = readCsvTable(await allBytes(source), source.path, INNOVATION_COLUMNS, {
      known: ['contact', ...INNOVATION_OPTIONAL_COLUMNS],
    });
    diagnostics.push(...found);
    if (!table) continue;
    const contactColumn = table.header.findIndex((h) => foldText(h) === 'contact') + 1;
    const check = innovationCheck({
      ...placement, themes, secteurs,
      etapes: new Map(etapes.map((e) => [foldText(e.id), e.id])),
      rejectedEtapes: rejectedKeys(etapesRead.table, new Set(etapes.map((e) => e.id)), ['id']),
    });
    const kept: { innovation: Innovation; line: number; contact: string }[] = [];
    let line = 0;
    let contact = '';
    const checker = new RowsChecker<InnovationColumn, Innovation>((r) => {
      line = r.row.line;
      contact = '';
      const innovation = check(r);
      const address = parseEmail(r.extra('contact') ?? '');
      const at = { file: source.path, line: r.row.line, column: Math.max(1, contactColumn) };
      if (!address.ok) r.diagnostics.push({ severity: 'error', ...at, message: address.message });
      else if (address.value === '') r.diagnostics.push({ severity: 'warning', ...at, message: 'contact manquant : les organisateurs ne pourront pas répondre à la personne qui propose' });
      else contact = address.value;
      if (innovation?.trophee && !hasTrophee) {
        r.diagnostics.push({ severity: 'error', ...at, column: r.column('trophee'), message: `trophée donné, mais ${input.innovations.path} n’a pas de colonne trophee : ajoutez-la à sa première ligne` });
      }
      return innovation;
    }, (innovation) => kept.push({ innovation, line, contact }));
    for (const row of table.rows) checker.add(row, table);
    read += checker.counts.read;
    diagnostics.push(...checker.diagnostics);

    for (const { innovation, line: at, contact: address } of kept) {
      const key = propositionKey(innovation.titre, innovation.commune);
      const already = keys.get(key);
      if (already) {
        duplicates += 1;
        diagnostics.push({
          severity: 'warning', file: source.path, line: at, column: 1,
          message: already.line > 0
            ? `proposition déjà présente dans ${input.innovations.path} (ligne ${already.line}, id ${already.id}) : même titre et même commune ; elle n’est pas ajoutée`
            : `proposition en double (${already.id}, même titre et même commune) : elle n’est ajoutée qu’une fois`,
        });
        continue;
      }
      const id = newId();
      keys.set(key, { line: 0, id: `${source.path}:${at}` });
      accepted.push({ file: source.path, line: at, id, titre: innovation.titre, contact: address, innovation: { ...innovation, id } });
    }
  }

  if (diagnostics.some((d) => d.severity === 'error') || accepted.length === 0) {
    return { ...none(), duplicates, read, accepted: diagnostics.some((d) => d.severity === 'error') ? [] : accepted.map(strip) };
  }
  const lines = accepted.map((a) => csvLine(rowCells(target.header, a.innovation, target.delimiter), target.delimiter));
  const text = `${target.endsWithLineBreak ? '' : target.lineBreak}${lines.join(target.lineBreak)}${target.lineBreak}`;
  const bytes = encode(text, target.encoding);
  if (!bytes) {
    diagnostics.push(ERROR(input.innovations.path, `caractère « ${unwritable(text)} » impossible à écrire en Windows-1252, l’encodage de ce fichier : remplacez-le dans la proposition, ou enregistrez ${input.innovations.path} en UTF-8`));
    return { ...none(), duplicates, read };
  }
  return { diagnostics, accepted: accepted.map(strip), duplicates, read, append: bytes };
}

const strip = ({ file, line, id, titre, contact }: AcceptedProposition): AcceptedProposition => ({ file, line, id, titre, contact });

