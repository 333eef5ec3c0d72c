/**
 * A visitor's proposition of an innovation, from the form to the organisers: the checks of the
 * form (the data build's own rules, src/domain/innovationRules.ts, plus the proposer's address),
 * the file it gives (one row of innovations.csv in the organisers' format, a provisional id and
 * the address in a `contact` column), and the e-mail that may carry it. `npm run propositions`
 * reads those files back (src/build/propositions.ts). Nothing here sends anything anywhere.
 */
import { INNOVATION_COLUMNS, type PropositionFields } from './types';
import { checkInnovationFields, parseCoordinates, type FieldReport, type InnovationRulesContext } from './innovationRules';
import type { DepartementResolver } from './departementCodes';
import { communeNotFoundMessage, departementPhrase, noPlaceMessage, type CommuneIndex } from './communes';
import { parseEmail } from './validateValues';
import { csvLine } from './csvCells';
import { slug } from './filterLabels';
import { foldText, placeKey } from './normalize';

/** Columns of a proposition file: innovations.csv's, then the proposer's address. */
export const PROPOSITION_COLUMNS = [...INNOVATION_COLUMNS, 'contact'] as const;

/** A field of the form: a column of the proposition file other than the id. */
export type PropositionField = keyof PropositionFields;

export const EMPTY_PROPOSITION: PropositionFields = Object.freeze({
  titre: '', description: '', themes: '', secteurs: '', departement: '', commune: '', latitude: '', longitude: '',
  porteur: '', annee: '', site_web: '', etape: '', contact: '',
});

/** Provisional ids start so: `npm run propositions` gives the row its final id in innovations.csv. */
export const PROVISIONAL_PREFIX = 'proposition-';

/** A provisional id, unique enough among the propositions of a season: date, time and a random part. */
export function provisionalId(now: Date, random: () => number = Math.random): string {
  const stamp = now.toISOString().replace(/\D/gu, '').slice(0, 14);
  const tail = Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0');
  return `${PROVISIONAL_PREFIX}${stamp}-${tail}`;
}

export const isProvisionalId = (id: string): boolean => id.startsWith(PROVISIONAL_PREFIX);

const MAX_TITLE_SLUG = 50;

/** `proposition-43-ent-des-colleges.csv`: the department and the title, as a file name. */
export function propositionFileName(departement: string, titre: string): string {
  let title = slug(titre);
  if (title.length > MAX_TITLE_SLUG) {
    const cut = title.slice(0, MAX_TITLE_SLUG + 1);
    title = cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_TITLE_SLUG);
  }
  return `${['proposition', slug(departement) || 'departement', title || 'sans-titre'].join('-')}.csv`;
}

/**
 * The proposition file: the organisers' format (`;`, UTF-8 with the BOM Excel needs to read
 * accents, CRLF), the header then one row.
 */
export function propositionCsv(fields: PropositionFields, id: string): string {
  const cells = PROPOSITION_COLUMNS.map((column) => (column === 'id' ? id : fields[column].trim()));
  return `\uFEFF${csvLine(PROPOSITION_COLUMNS, ';')}\r\n${csvLine(cells, ';')}\r\n`;
}

/** What a proposition is checked against: the vocabularies, the stops, the departments, the communes. */
export interface PropositionContext extends InnovationRulesContext {
  departements: DepartementResolver;
  /** The communes' names (communes.json); null while not loaded, or when the data has none. */
  communes: CommuneIndex<string> | null;
}

/** Messages by field: errors block the file, warnings say what the organisers' build will do. */
export interface PropositionCheck {
  errors: Partial<Record<PropositionField, string[]>>;
  warnings: Partial<Record<PropositionField, string[]>>;
  ok: boolean;
}

/**
 * The form's checks: every rule the data build applies to a row without the boundaries (same
 * messages), then the proposer's address. Whether the point lies in its department is checked by
 * the organisers' `npm run propositions`.
 */
export function checkProposition(fields: PropositionFields, ctx: PropositionContext): PropositionCheck {
  const errors: PropositionCheck['errors'] = {};
  const warnings: PropositionCheck['warnings'] = {};
  const r: FieldReport<PropositionField | 'trophee'> = {
    cell: (column) => (column === 'trophee' ? '' : fields[column].trim()),
    error: (column, message) => {
      if (column !== 'trophee') (errors[column] ??= []).push(message);
    },
    warning: (column, message) => {
      if (column !== 'trophee') (warnings[column] ??= []).push(message);
    },
  };
  checkInnovationFields(r, ctx);
  const departement = ctx.departements.resolve(r.cell('departement'));
  if (!departement.ok) r.error('departement', departement.message);
  const coordinates = parseCoordinates(r, r.cell('latitude'), r.cell('longitude'));
  if (departement.ok && coordinates?.kind === 'aucune') {
    const phrase = departementPhrase(ctx.departements.nameOf(departement.code), departement.code);
    const commune = r.cell('commune');
    if (commune === '') r.warning('commune', noPlaceMessage(phrase));
    else if (ctx.communes && ctx.communes.find(departement.code, commune) === undefined) r.warning('commune', communeNotFoundMessage(commune, phrase));
  }
  const contact = parseEmail(r.cell('contact'));
  if (!contact.ok) r.error('contact', contact.message);
  else if (contact.value === '') r.error('contact', 'adresse électronique manquante : les organisateurs en ont besoin pour vous répondre (elle ne sera pas publiée)');
  return { errors, warnings, ok: Object.keys(errors).length === 0 };
}

/** Same title and same commune: the same innovation, proposed twice (compared without case nor accents). */
export function propositionKey(titre: string, commune: string): string {
  return `${foldText(titre)}\u0000${placeKey(commune)}`;
}

/**
 * A pre-filled e-mail to the organisers (`mailto:`): the visitor's own mail program opens it and
 * sends nothing by itself; the file is attached by hand.
 */
export function propositionMailto(address: string, fileName: string, fields: PropositionFields, departement: string): string {
  const body = [
    'Bonjour,',
    '',
    `Je propose l’innovation « ${fields.titre.trim()} » (${departement}) pour la Cartographie TIC des territoires.`,
    `Le fichier ${fileName} est joint à ce message.`,
    '',
    `Contact : ${fields.contact.trim()}`,
  ].join('\r\n');
  const query = `subject=${encodeURIComponent(`Proposition d’innovation : ${fields.titre.trim()}`)}&body=${encodeURIComponent(body)}`;
  return `mailto:${encodeURIComponent(address).replace('%40', '@')}?${query}`;
}
