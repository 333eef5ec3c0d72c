/**
 * Reading single cells the way spreadsheets write them. Each function returns the value or a
 * French message saying what to fix; the caller adds file, line and column (the data build) or
 * shows it next to its field (the proposal form): both read cells with these same functions.
 */
import type { Trophee } from './types';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

/** A decimal number written with `.` or a French decimal comma ("45,123"). Empty → undefined. */
export function parseDecimal(cell: string, label: string): CellResult<number | undefined> {
  const text = cell.trim().replace(/\s/gu, '');
  if (text === '') return ok(undefined);
  if (!/^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/u.test(text)) {
    return fail(`${label} « ${cell.trim()} » illisible : écrivez un nombre décimal (ex. 45,764 ou 45.764)`);
  }
  return ok(Number(text.replace(',', '.')));
}

/** Year: exactly four digits. Empty → null (unknown year). */
export function parseYear(cell: string): CellResult<number | null> {
  const text = cell.trim();
  if (text === '') return ok(null);
  // A spreadsheet may store 2009 as "2009.0" / "2009,0".
  const year = /^(\d{4})(?:[.,]0+)?$/u.exec(text)?.[1];
  if (year === undefined) return fail(`année « ${text} » invalide : quatre chiffres attendus (ex. 2009)`);
  return ok(Number(year));
}

/** Website: http or https URL. Empty → ''. */
export function parseWebsite(cell: string): CellResult<string> {
  const text = cell.trim();
  if (text === '') return ok('');
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) return ok(text);
  if (!url && /^[\w-]+(\.[\w-]+)+(\/\S*)?$/u.test(text)) {
    return fail(`site_web « ${text} » sans protocole : écrivez https://${text}`);
  }
  return fail(`site_web « ${text} » invalide : adresse commençant par http:// ou https:// attendue`);
}

/** Calendar date, ISO YYYY-MM-DD or French JJ/MM/AAAA; returned as ISO. */
export function parseDate(cell: string): CellResult<string> {
  const text = cell.trim();
  if (text === '') return fail('date manquante : écrivez AAAA-MM-JJ (ex. 2009-04-23) ou JJ/MM/AAAA');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  const fr = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/u.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : undefined;
  if (!parts) return fail(`date « ${text} » illisible : écrivez AAAA-MM-JJ (ex. 2009-04-23) ou JJ/MM/AAAA`);
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail(`date « ${text} » inexistante : vérifiez le jour et le mois`);
  }
  return ok(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** Colour: #rrggbb, returned lower-case. */
export function parseColour(cell: string): CellResult<string> {
  const text = cell.trim();
  if (/^#[0-9a-f]{6}$/iu.test(text)) return ok(text.toLowerCase());
  const hint = /^[0-9a-f]{6}$/iu.test(text) ? ` : ajoutez # devant (#${text})` : ' : six chiffres hexadécimaux précédés de # attendus (ex. #0072b2)';
  return fail(`couleur « ${text} » invalide${hint}`);
}

/** Split a multi-valued cell ("a | b|c"), dropping empty parts. */
export function splitList(cell: string): string[] {
  return cell.split('|').map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * Laureate of the Trophées de l'Innovation Territoriale: the year, then the category if any
 * ("2009", "2009 Administration en ligne", "2009 – Santé", "2009 : Santé"). Empty → null.
 */
export function parseTrophee(cell: string): CellResult<Trophee | null> {
  const text = cell.trim().replace(/\s+/gu, ' ');
  if (text === '') return ok(null);
  const bare = /^(\d{4})(?:[.,]0+)?$/u.exec(text)?.[1];
  if (bare !== undefined) return ok({ annee: Number(bare), categorie: '' });
  const parts = /^(\d{4})(?: ?[-–—:,;/] ?| )(.*)$/u.exec(text);
  const categorie = parts?.[2]?.trim() ?? '';
  if (!parts || !/[\p{L}\p{N}]/u.test(categorie)) {
    return fail(`trophée « ${text} » illisible : écrivez l’année puis la catégorie (ex. 2009 Administration en ligne), ou laissez vide`);
  }
  return ok({ annee: Number(parts[1]), categorie });
}

/** A trophy as the trophee column writes it: "2009", "2009 – Administration en ligne". */
export function formatTrophee(trophee: Trophee | null): string {
  if (!trophee) return '';
  return trophee.categorie === '' ? String(trophee.annee) : `${trophee.annee} – ${trophee.categorie}`;
}

/** Edition (year) of a stop: the edition cell, else the year of its ISO date. */
export function parseEdition(cell: string, isoDate: string): CellResult<number> {
  const text = cell.trim();
  if (text === '') return ok(Number(isoDate.slice(0, 4)));
  const year = /^(\d{4})(?:[.,]0+)?$/u.exec(text)?.[1];
  if (year === undefined) return fail(`édition « ${text} » invalide : l’année de la tournée, quatre chiffres (ex. 2010)`);
  return ok(Number(year));
}

// Deliberately plain: one @, no space, a dot in the domain. Mail servers are the real judge.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/u;

/** E-mail address (proposer's contact, organisers' address). Empty → ''. */
export function parseEmail(cell: string): CellResult<string> {
  const text = cell.trim();
  if (text === '') return ok('');
  if (EMAIL.test(text)) return ok(text);
  return fail(`adresse électronique « ${text} » invalide : écrivez-la en entier (ex. prenom.nom@mairie.fr)`);
}
