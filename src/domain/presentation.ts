/**
 * How data is worded for a person, in French: dates, places, placements, coordinates, links.
 * Pure functions shared by the map (accessible names of markers) and the panels.
 */
import type { DepartementInfo, Etape, Placement, Trophee } from './types';

// Month names and order from the platform's French locale data (Intl), not a list of our own;
// only the French "1er" for the first day of a month is added, which Intl does not write.
const FRENCH_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2009-05-28" → "28 mai 2009"; the first of the month reads "1er". Unparseable input is returned as is. */
export function formatDateFr(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2009-13-01 over to 2010: such a date is not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return iso;
  return FRENCH_DATE.format(date).replace(/^1 /u, '1er ');
}

/** A date as YYYY-MM-DD in the user's own time zone (exports, print): "today" is where they are. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Aisne (02)"; the bare code when the department is not known. */
export function departementLabel(code: string, departements: ReadonlyMap<string, DepartementInfo>): string {
  const d = departements.get(code);
  return d ? `${d.nom} (${code})` : code;
}

/** "Laon (Aisne)", or only the department name when the stop has no commune. */
export function etapePlace(etape: Pick<Etape, 'commune'>, departementNom: string): string {
  return etape.commune ? `${etape.commune} (${departementNom})` : departementNom;
}

/**
 * Accessible name of a stop marker: "Étape 4 du 28 mai 2009 — Laon (Aisne)". It holds the rank the
 * badge shows, so a speech-input user can say what they see (WCAG 2.5.3, label in name).
 */
export function etapeAccessibleName(etape: Pick<Etape, 'commune' | 'date'>, departementNom: string, rang: number): string {
  return `Étape ${rang} du ${formatDateFr(etape.date)} — ${etapePlace(etape, departementNom)}`;
}

/** How the build placed a point, in words a reader understands. */
export function placementLabel(position: Placement): string {
  switch (position) {
    case 'exact': return 'Coordonnées indiquées dans le fichier';
    case 'commune': return 'Placé au centre de sa commune';
    case 'departement': return 'Placé au repère de son département (position approximative)';
  }
}

const decimal = (n: number) => Math.abs(n).toFixed(4).replace('.', ',');

/** "49,5640° N, 3,6240° E": latitude first, French decimal comma. */
export function formatCoordinates(longitude: number, latitude: number): string {
  return `${decimal(latitude)}° ${latitude < 0 ? 'S' : 'N'}, ${decimal(longitude)}° ${longitude < 0 ? 'O' : 'E'}`;
}

/** The URL when it is a well-formed http(s) address, otherwise null (never link javascript: & co). */
export function safeWebUrl(value: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const NUMBER = new Intl.NumberFormat('fr-FR');

/**
 * "0 innovation", "1 innovation", "1 234 innovations": French takes the singular for 0 and 1,
 * and groups thousands with a narrow no-break space.
 */
export function formatCount(n: number, singular = 'innovation', plural = `${singular}s`): string {
  return `${NUMBER.format(n)} ${Math.abs(n) >= 2 ? plural : singular}`;
}

/** Black or white, whichever reads better on a '#rrggbb' background (WCAG relative luminance). */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!m) return '#000000';
  const channel = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
  // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05): equal at l ≈ 0.179.
  return l > 0.179 ? '#000000' : '#ffffff';
}

/** "Lauréat des Trophées de l'Innovation Territoriale 2009 — Santé en ligne": the distinction in full. */
export function tropheeLabel(trophee: Trophee): string {
  const prize = `Lauréat des Trophées de l’Innovation Territoriale ${trophee.annee}`;
  return trophee.categorie ? `${prize} — ${trophee.categorie}` : prize;
}

/** "Lauréat 2009": the short badge of the list and the map's tooltip. */
export function tropheeBadge(trophee: Trophee): string {
  return `Lauréat ${trophee.annee}`;
}
