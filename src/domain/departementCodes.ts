/**
 * Reading the `departement` cell the way organisers write it: "01", "1", "2a", "Ain",
 * "la reunion", "Côte-d'Or", "01 - Ain" all name a department; the value kept is the INSEE code.
 * Shared by the data build (which adds a cache) and the proposal form.
 */
import { placeKey, placeKeyWithoutArticle } from './normalize';

export type DepartementCellResult = { ok: true; code: string } | { ok: false; message: string };

export interface DepartementResolver {
  resolve(cell: string): DepartementCellResult;
  /** Name of a known code, for messages. */
  nameOf(code: string): string | undefined;
}

/** Canonical form of something shaped like a code: pad "1" to "01", upper-case Corsica. */
function canonicalCode(cell: string): string | undefined {
  const s = cell.trim().toUpperCase();
  if (/^\d{1,3}$/u.test(s)) return s.length === 1 ? `0${s}` : s;
  // A spreadsheet may have turned "01" into "1.0" or "1,0".
  if (/^\d{1,3}[.,]0+$/u.test(s)) return canonicalCode(s.replace(/[.,]0+$/u, ''));
  if (/^0?2[AB]$/u.test(s)) return s.slice(-2);
  return undefined;
}

/** A resolver over the known departments (code + name, e.g. from the boundaries file). */
export function departementResolver(departements: Iterable<{ code: string; nom: string }>): DepartementResolver {
  const names = new Map<string, string>();
  const byKey = new Map<string, string>();
  for (const { code, nom } of departements) {
    names.set(code, nom);
    byKey.set(placeKey(nom), code);
    byKey.set(placeKeyWithoutArticle(nom), code);
  }

  const byName = (text: string): string | undefined =>
    byKey.get(placeKey(text)) ?? byKey.get(placeKeyWithoutArticle(text));

  function resolve(cell: string): DepartementCellResult {
    const text = cell.trim();
    if (text === '') return { ok: false, message: 'département manquant : indiquez son numéro (ex. 69) ou son nom' };
    const code = canonicalCode(text);
    if (code === '20') {
      return { ok: false, message: '« 20 » n’est plus un département : 2A (Corse-du-Sud) ou 2B (Haute-Corse) ?' };
    }
    if (code !== undefined) {
      if (names.has(code)) return { ok: true, code };
      return { ok: false, message: `département « ${text} » inconnu : numéro INSEE attendu (01 à 95, 2A, 2B, 971 à 976, 975, 977, 978, 986 à 988)` };
    }
    const named = byName(text);
    if (named !== undefined) return { ok: true, code: named };
    // "01 - Ain", "Ain (01)": accept when number and name agree.
    const both = /^(.+?)\s*\((\w{1,3})\)$/u.exec(text) ?? /^(\w{1,3})\s*[-–:]?\s*(.+)$/u.exec(text);
    if (both) {
      const [first, second] = [both[1] ?? '', both[2] ?? ''];
      const [codePart, namePart] = canonicalCode(first) !== undefined ? [first, second] : [second, first];
      const fromCode = canonicalCode(codePart);
      const fromName = byName(namePart);
      if (fromCode !== undefined && fromCode === fromName) return { ok: true, code: fromCode };
      if (fromCode !== undefined && fromName !== undefined) {
        return { ok: false, message: `département « ${text} » incohérent : ${fromCode} n’est pas ${namePart}` };
      }
    }
    return { ok: false, message: `département « ${text} » inconnu : indiquez son numéro INSEE (ex. 69) ou son nom exact (ex. Rhône)` };
  }

  return { resolve, nameOf: (code) => names.get(code) };
}
