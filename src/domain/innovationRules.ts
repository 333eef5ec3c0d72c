/**
 * The rules an innovation's fields follow, with their French messages, shared by the data build
 * (a row of innovations.csv: src/build/validateRows.ts), `npm run propositions` and the
 * "Proposer une innovation" form: a proposition the form accepts is a row the build accepts, and
 * both say the same thing about the same mistake.
 *
 * A rule reads cells and reports problems through a FieldReport: the build's is a CSV row (it
 * adds file, line and column), the form's is its fields (each message goes next to its field).
 * What needs files the browser does not have stays in the build: whether a point lies in its
 * department (the boundaries) and where a commune is (the gazetteer).
 */
import type { Trophee, VocabEntry } from './types';
import { foldText } from './normalize';
import { parseDecimal, parseTrophee, parseWebsite, parseYear, splitList } from './validateValues';

/** Where rules read cells and report problems (the build: a CSV row; the app: a form). */
export interface FieldReport<C extends string> {
  cell(column: C): string;
  error(column: C, message: string): void;
  warning(column: C, message: string): void;
}

/** The cell, with an error when it is empty. */
export function requiredCell<C extends string>(r: FieldReport<C>, column: C, missing: string): string {
  const value = r.cell(column);
  if (value === '') r.error(column, `${missing} : cette colonne doit être remplie`);
  return value;
}

/** Resolves a `|`-separated cell of vocabulary references (themes, sectors) into ids. */
export interface VocabResolver {
  resolveList<C extends string>(r: FieldReport<C>, column: C, atLeastOne?: boolean): string[];
}

/**
 * A vocabulary by id and by label, without case or accents: what a themes or secteurs cell may
 * name. The build's VocabLookup adds caches for files of a million rows.
 */
export class VocabIndex implements VocabResolver {
  private readonly byKey = new Map<string, string>();

  /**
   * @param what 'thème' or 'secteur', for messages.
   * @param rejected folded ids and labels of rows left out, with their line: a reference to one of
   *   them is still an error, but the message sends the reader to the real cause.
   * @param usable false when the vocabulary file could not be read at all: references are then not
   *   checked (the build fails on that file anyway, one error is enough).
   */
  constructor(
    entries: readonly VocabEntry[],
    protected readonly what: string,
    private readonly rejected: ReadonlyMap<string, number> = new Map(),
    private readonly usable = true,
  ) {
    for (const e of entries) this.byKey.set(foldText(e.libelle), e.id);
    // Ids win over labels when a label happens to equal another entry's id.
    for (const e of entries) this.byKey.set(foldText(e.id), e.id);
  }

  resolveList<C extends string>(r: FieldReport<C>, column: C, atLeastOne = false): string[] {
    return this.resolveParts(r, column, atLeastOne, foldText);
  }

  /** Ids of the cell's parts (order kept, repeats dropped); errors for unknown parts. */
  protected resolveParts<C extends string>(r: FieldReport<C>, column: C, atLeastOne: boolean, fold: (part: string) => string): string[] {
    const ids: string[] = [];
    if (atLeastOne && splitList(r.cell(column)).length === 0) {
      r.error(column, `${this.what} manquant : au moins un ${this.what}, id ou libellé, plusieurs séparés par |`);
    }
    const file = this.what === 'thème' ? 'themes.csv' : 'secteurs.csv';
    for (const part of splitList(r.cell(column))) {
      if (!this.usable) continue;
      const key = fold(part);
      const id = this.byKey.get(key);
      const rejectedLine = this.rejected.get(key);
      if (id === undefined && rejectedLine !== undefined) {
        r.error(column, `${this.what} « ${part} » écarté : sa ligne ${rejectedLine} de ${file} est en erreur`);
      } else if (id === undefined) {
        r.error(column, `${this.what} « ${part} » inconnu : utilisez un id ou un libellé de ${file}, séparés par |`);
      } else if (!ids.includes(id)) {
        ids.push(id);
      }
    }
    return ids;
  }
}

/** What a row's references to other files are checked against. */
export interface InnovationRulesContext {
  themes: VocabResolver;
  secteurs: VocabResolver;
  /** Known stop ids, by folded id. */
  etapes: ReadonlyMap<string, string>;
  /** Stops left out (folded id → line), and whether etapes.csv could be read at all. */
  rejectedEtapes?: ReadonlyMap<string, number>;
  etapesUsable?: boolean;
}

/** The fields of an innovation that need no file to be checked (placement aside). */
export interface InnovationFields {
  titre: string;
  themes: string[];
  secteurs: string[];
  annee: number | null;
  site_web: string;
  etape: string;
  trophee: Trophee | null;
}

export type InnovationRuleColumn = 'titre' | 'themes' | 'secteurs' | 'annee' | 'site_web' | 'etape' | 'trophee';

/** A stop reference: the stop's id as etapes.csv writes it, '' when empty. */
function etapeReference<C extends string>(r: FieldReport<C | 'etape'>, ctx: InnovationRulesContext): string {
  const etape = r.cell('etape');
  if (etape === '') return '';
  const known = ctx.etapes.get(foldText(etape));
  const rejectedLine = ctx.rejectedEtapes?.get(foldText(etape));
  if (known !== undefined) return known;
  if (ctx.etapesUsable === false) return '';
  if (rejectedLine !== undefined) r.error('etape', `étape « ${etape} » écartée : sa ligne ${rejectedLine} de etapes.csv est en erreur`);
  else r.error('etape', `étape « ${etape} » inconnue : utilisez un id de etapes.csv`);
  return etape;
}

/**
 * Title, themes, sectors, year, website, stop and trophy of a row, checked in this order (the
 * order of the messages). The values are given even when some are in error: the caller rejects
 * the row when its report holds an error.
 */
export function checkInnovationFields<C extends string>(
  r: FieldReport<C | InnovationRuleColumn>, ctx: InnovationRulesContext,
): InnovationFields {
  const titre = requiredCell(r, 'titre', 'titre manquant');
  const themes = ctx.themes.resolveList(r, 'themes', true);
  const secteurs = ctx.secteurs.resolveList(r, 'secteurs', true);
  const annee = parseYear(r.cell('annee'));
  if (!annee.ok) r.error('annee', annee.message);
  const site = parseWebsite(r.cell('site_web'));
  if (!site.ok) r.error('site_web', site.message);
  const etape = etapeReference(r, ctx);
  const trophee = parseTrophee(r.cell('trophee'));
  if (!trophee.ok) r.error('trophee', trophee.message);
  return {
    titre, themes, secteurs, annee: annee.ok ? annee.value : null, site_web: site.ok ? site.value : '', etape,
    trophee: trophee.ok ? trophee.value : null,
  };
}

/** The coordinates of a row: none, a point, or undefined when they are in error. */
export type CoordinatesResult = { kind: 'aucune' } | { kind: 'point'; longitude: number; latitude: number } | undefined;

const formatDegrees = (x: number) => String(x).replace('.', ',');

/**
 * Latitude and longitude as written: both or neither, decimal degrees within the globe. Whether
 * the point lies in its department is the build's check (it needs the boundaries).
 */
export function parseCoordinates(r: FieldReport<'latitude' | 'longitude'>, latitudeCell: string, longitudeCell: string): CoordinatesResult {
  const lat = parseDecimal(latitudeCell, 'latitude');
  const lon = parseDecimal(longitudeCell, 'longitude');
  if (!lat.ok) r.error('latitude', lat.message);
  if (!lon.ok) r.error('longitude', lon.message);
  if (!lat.ok || !lon.ok) return undefined;
  if (lat.value === undefined && lon.value === undefined) return { kind: 'aucune' };
  if (lat.value === undefined || lon.value === undefined) {
    const missing = lat.value === undefined ? 'latitude' : 'longitude';
    r.error(missing, `${missing} manquante : remplissez latitude et longitude, ou aucune des deux`);
    return undefined;
  }
  if (Math.abs(lat.value) > 90 || Math.abs(lon.value) > 180) {
    const swap = Math.abs(lon.value) <= 90 ? ' ; latitude et longitude inversées ?' : '';
    r.error('latitude', `coordonnées (latitude ${formatDegrees(lat.value)}, longitude ${formatDegrees(lon.value)}) impossibles${swap}`);
    return undefined;
  }
  return { kind: 'point', longitude: lon.value, latitude: lat.value };
}

export { formatDegrees };
