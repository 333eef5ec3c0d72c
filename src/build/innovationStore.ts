/**
 * The valid innovations of a build, in compact form, from the row checks to the output files:
 * each row's feature JSON and search line as bytes (RecordStore), its point columns in typed
 * arrays, and only its sort key (department, folded title, id) as strings. A million rows fit in
 * a few hundred MB this way, where as objects they took several GB.
 *
 * The output is in display order (src/domain/points.ts inDisplayOrder: department, then folded
 * title, then id) and the points table is the one buildPointsTable makes from the features in that
 * order (the tests compare both byte for byte).
 */
import type { Innovation, InnovationFeature } from '../domain/types';
import {
  allocatePointsTable, departementSortKey, MAX_VOCABULARY, NO_THEME, type PointsTable, tropheeYear, wordsFor,
} from '../domain/points';
import { fastFold } from './fastFold';
import { toDisplayPosition } from '../domain/insets';
import { detach } from './detach';
import { Growable, RecordStore, type RecordStoreOptions } from './recordStore';
import { SearchLines } from './searchText';

export interface InnovationVocabulary {
  /** Theme ids in vocabulary order (bit i of the masks). */
  themes: readonly string[];
  secteurs: readonly string[];
  /** Stop ids in file order (value i + 1 of the etape column). */
  etapes: readonly string[];
  /** Region code of a department code. */
  regionOf: (departement: string) => string | undefined;
}

export class InnovationStore {
  private readonly records: RecordStore;
  private readonly themeWords: number;
  private readonly secteurWords: number;
  private readonly themeBit: Map<string, number>;
  private readonly secteurBit: Map<string, number>;
  private readonly etapeIndex: Map<string, number>;
  /** Department codes in order of first appearance in the file. */
  private readonly codes: string[] = [];
  private readonly codeIndex = new Map<string, number>();

  private readonly x = new Growable((n) => new Float32Array(n));
  private readonly y = new Growable((n) => new Float32Array(n));
  private readonly themes = new Growable((n) => new Uint32Array(n));
  private readonly secteurs = new Growable((n) => new Uint32Array(n));
  private readonly departement = new Growable((n) => new Uint16Array(n));
  private readonly annee = new Growable((n) => new Uint16Array(n));
  private readonly premierTheme = new Growable((n) => new Uint8Array(n));
  private readonly etape = new Growable((n) => new Uint16Array(n));
  private readonly trophee = new Growable((n) => new Uint16Array(n));
  private readonly titres: string[] = [];
  private readonly ids: string[] = [];
  private readonly searchLines = new SearchLines();
  private sorted: Uint32Array | undefined;

  constructor(private readonly vocabulary: InnovationVocabulary, options: RecordStoreOptions = {}) {
    if (vocabulary.themes.length > MAX_VOCABULARY || vocabulary.secteurs.length > MAX_VOCABULARY) {
      throw new RangeError(`plus de ${MAX_VOCABULARY} thèmes ou secteurs`);
    }
    this.records = new RecordStore(options);
    this.themeWords = wordsFor(vocabulary.themes.length);
    this.secteurWords = wordsFor(vocabulary.secteurs.length);
    this.themeBit = new Map(vocabulary.themes.map((id, i) => [id, i]));
    this.secteurBit = new Map(vocabulary.secteurs.map((id, i) => [id, i]));
    this.etapeIndex = new Map(vocabulary.etapes.map((id, i) => [id, i + 1]));
  }

  get count(): number {
    return this.ids.length;
  }

  /** Keeps a valid innovation (file order), placed at its display position. */
  add(p: Innovation): void {
    if (this.sorted) throw new Error('InnovationStore: add after finish');
    const coordinates = toDisplayPosition(p.departement, [p.longitude, p.latitude]);
    const feature: InnovationFeature = { type: 'Feature', geometry: { type: 'Point', coordinates }, properties: p };
    const titre = fastFold(p.titre);
    // Records 2i and 2i + 1, side by side: the feature and its search line.
    this.records.appendPair(JSON.stringify(feature), this.searchLines.line(p, titre));
    this.x.push(coordinates[0] ?? 0);
    this.y.push(coordinates[1] ?? 0);
    this.setBits(this.themes, this.themeWords, p.themes, this.themeBit);
    this.setBits(this.secteurs, this.secteurWords, p.secteurs, this.secteurBit);
    let d = this.codeIndex.get(p.departement);
    if (d === undefined) {
      d = this.codes.length;
      this.codes.push(p.departement);
      this.codeIndex.set(p.departement, d);
    }
    this.departement.push(d);
    this.annee.push(p.annee !== null && p.annee > 0 && p.annee < 65536 ? p.annee : 0);
    this.premierTheme.push(this.themeBit.get(p.themes[0] ?? '') ?? NO_THEME);
    this.etape.push(this.etapeIndex.get(p.etape) ?? 0);
    this.trophee.push(tropheeYear(p.trophee));
    this.titres.push(detach(titre));
    this.ids.push(detach(p.id));
  }

  private setBits(mask: Growable<Uint32Array>, words: number, ids: readonly string[], bits: Map<string, number>): void {
    const start = mask.extend(words);
    for (const id of ids) {
      const bit = bits.get(id);
      if (bit !== undefined) mask.data[start + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  }

  /** Row numbers (file order) in display order: department, folded title, id (stable). */
  displayOrder(): Uint32Array {
    if (this.sorted) return this.sorted;
    const rank = new Uint16Array(this.codes.length);
    [...this.codes.keys()]
      .sort((a, b) => {
        const ka = departementSortKey(this.codes[a] as string);
        const kb = departementSortKey(this.codes[b] as string);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      })
      .forEach((code, r) => { rank[code] = r; });
    const dep = this.departement.view();
    const { titres, ids } = this;
    const order = Array.from({ length: this.count }, (_, i) => i);
    order.sort((a, b) => {
      const da = rank[dep[a] as number] as number;
      const db = rank[dep[b] as number] as number;
      if (da !== db) return da - db;
      const ta = titres[a] as string;
      const tb = titres[b] as string;
      if (ta !== tb) return ta < tb ? -1 : 1;
      const ia = ids[a] as string;
      const ib = ids[b] as string;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
    this.sorted = Uint32Array.from(order);
    // The sort keys are no longer needed: free them before the output is written.
    this.titres.length = 0;
    return this.sorted;
  }

  /**
   * Row `i` (file order): its feature's JSON and its folded search line (see searchLine), read at
   * once; views valid until the next read.
   */
  row(i: number): [feature: Uint8Array, search: Uint8Array] {
    return this.records.readPair(2 * i);
  }

  id(i: number): string {
    return this.ids[i] as string;
  }

  /** The points table (src/domain/points.ts) of the rows in display order. */
  pointsTable(chunkSize: number): PointsTable {
    const order = this.displayOrder();
    const count = order.length;
    const { themeWords, secteurWords } = this;
    const departements: string[] = [];
    const newIndex = new Map<number, number>();
    const table = allocatePointsTable(count, this.vocabulary, chunkSize, departements);
    const x = this.x.data;
    const y = this.y.data;
    const themes = this.themes.data;
    const secteurs = this.secteurs.data;
    const dep = this.departement.data;
    for (let k = 0; k < count; k += 1) {
      const i = order[k] as number;
      table.x[k] = x[i] as number;
      table.y[k] = y[i] as number;
      table.themes.set(themes.subarray(i * themeWords, (i + 1) * themeWords), k * themeWords);
      table.secteurs.set(secteurs.subarray(i * secteurWords, (i + 1) * secteurWords), k * secteurWords);
      // Department indices in order of first appearance in display order, as buildPointsTable numbers them.
      let d = newIndex.get(dep[i] as number);
      if (d === undefined) {
        d = departements.length;
        departements.push(this.codes[dep[i] as number] as string);
        newIndex.set(dep[i] as number, d);
      }
      table.departement[k] = d;
      table.annee[k] = this.annee.data[i] as number;
      table.premierTheme[k] = this.premierTheme.data[i] as number;
      table.etape[k] = this.etape.data[i] as number;
      table.trophee[k] = this.trophee.data[i] as number;
    }
    table.header.regions = departements.map((d) => this.vocabulary.regionOf(d) ?? '');
    return table;
  }

  /** Every feature in display order, as objects: for tests and small data only. */
  features(): InnovationFeature[] {
    const decoder = new TextDecoder();
    return Array.from(this.displayOrder(), (i) => JSON.parse(decoder.decode(this.row(i)[0])) as InnovationFeature);
  }

  close(): void {
    this.records.close();
  }
}
