/**
 * Reading single cells the way spreadsheets write them. Each function returns the value or a
 * French message saying what to fix; the caller adds file, line and column.
 */

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
