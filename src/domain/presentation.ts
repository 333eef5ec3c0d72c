/**
 * How data is worded for a person, in the interface's language: dates, numbers, places,
 * placements, coordinates, links. Pure functions shared by the map (accessible names of markers)
 * and the panels; the words come from the catalogues (src/i18n) through a Wording.
 */
import { LOCALES, type DepartementInfo, type Etape, type Lang, type Placement, type Trophee, type VocabEntry, type Wording } from './types';

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * "2009-05-28" → "28 mai 2009" (French, the first of the month reads "1er", which Intl does not
 * write) or "28 May 2009" (English). Month names and order come from the platform's locale data
 * (Intl), not a list of our own. Unparseable input is returned as is.
 */
export function formatDate(iso: string, lang: Lang = 'fr'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2009-13-01 over to 2010: such a date is not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return iso;
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  const text = format.format(date);
  return lang === 'fr' ? text.replace(/^1 /u, '1er ') : text;
}

/** A number as the language writes it: "1 234" (narrow no-break space) or "1,234". */
export function formatNumber(n: number, lang: Lang = 'fr'): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang]);
    numberFormats.set(lang, format);
  }
  return format.format(n);
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
export function etapeAccessibleName(etape: Pick<Etape, 'commune' | 'date'>, departementNom: string, rang: number, w: Wording): string {
  return w.t('stop.name', { rank: rang, date: formatDate(etape.date, w.lang), place: etapePlace(etape, departementNom) });
}

/** How the build placed a point, in words a reader understands. */
export function placementLabel(position: Placement, w: Wording): string {
  return w.t(`placement.${position}`);
}

/** "49,5640° N, 3,6240° E" or "49.5640° N, 3.6240° E": latitude first, the language's decimal sign. */
export function formatCoordinates(longitude: number, latitude: number, w: Wording): string {
  const decimal = (n: number) => Math.abs(n).toLocaleString(LOCALES[w.lang], { minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: false });
  return w.t('coordinates.value', {
    lat: decimal(latitude), northSouth: w.t(latitude < 0 ? 'coordinates.south' : 'coordinates.north'),
    lon: decimal(longitude), eastWest: w.t(longitude < 0 ? 'coordinates.west' : 'coordinates.east'),
  });
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

/**
 * "0 innovation", "1 234 innovations" in French (singular for 0 and 1, thousands grouped with a
 * narrow no-break space), "0 innovations", "1,234 innovations" in English: the plural rules and
 * number formats of Intl, through the catalogues.
 */
export function formatCount(n: number, w: Wording, noun: 'innovation' | 'etape' = 'innovation'): string {
  return w.t(`count.${noun}`, { count: n });
}

/** A vocabulary entry's label in the language: `libelle_en` in English when given, else `libelle`. */
export function vocabLabel(entry: Pick<VocabEntry, 'libelle' | 'libelle_en'>, lang: Lang): string {
  return lang === 'en' && entry.libelle_en ? entry.libelle_en : entry.libelle;
}

/** The label of vocabulary entry `id` in the language; the id itself when the vocabulary lacks it. */
export function vocabLabelOf(entries: readonly VocabEntry[], id: string, lang: Lang): string {
  const entry = entries.find((e) => e.id === id);
  return entry ? vocabLabel(entry, lang) : id;
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
export function tropheeLabel(trophee: Trophee, w: Wording): string {
  return trophee.categorie
    ? w.t('laureats.fullCategory', { year: trophee.annee, category: trophee.categorie })
    : w.t('laureats.full', { year: trophee.annee });
}

/** "Lauréat 2009": the short badge of the list and the map's tooltip. */
export function tropheeBadge(trophee: Trophee, w: Wording): string {
  return w.t('laureats.badge', { year: trophee.annee });
}
