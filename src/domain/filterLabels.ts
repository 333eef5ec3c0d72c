/**
 * Active filters in words: the removable chips of the panel, the sentence stating what an export
 * holds, and the part of an export's file name that says it. Shared so the three always agree.
 */
import { departementLabel, vocabLabelOf } from './presentation';
import type { DepartementInfo, Filters, Vocabulaires, Wording } from './types';
import { foldText } from './normalize';

/** One active filter, with the change that removes it. */
export interface FilterChip {
  /** Stable key (for React lists and tests). */
  key: string;
  /** "Thème : Santé et télésanté". */
  label: string;
  /** Patch to pass to setFilters to remove this filter alone. */
  remove: Partial<Filters>;
}

function regionName(departements: ReadonlyMap<string, DepartementInfo>, code: string): string {
  for (const d of departements.values()) if (d.region === code) return d.region_nom;
  return code;
}

/** "de 2005 à 2009", "depuis 2005", "jusqu'en 2009" (within a sentence, hence lowercase). */
export function yearRangeLabel(min: number | null, max: number | null, w: Wording): string | null {
  if (min !== null && max !== null) return min === max ? w.t('years.same', { min }) : w.t('years.range', { min, max });
  if (min !== null) return w.t('years.since', { min });
  if (max !== null) return w.t('years.until', { max });
  return null;
}

/** The active filters as chips, in panel order. Display toggles (stops) are not filters. */
export function filterChips(
  filters: Filters,
  vocabulaires: Vocabulaires,
  departements: ReadonlyMap<string, DepartementInfo>,
  w: Wording,
): FilterChip[] {
  const chips: FilterChip[] = [];
  const texte = filters.texte.trim();
  if (texte !== '') chips.push({ key: 'texte', label: w.t('chips.texte', { text: texte }), remove: { texte: '' } });
  for (const id of filters.themes) {
    chips.push({
      key: `theme:${id}`, label: w.t('chips.theme', { label: vocabLabelOf(vocabulaires.themes, id, w.lang) }),
      remove: { themes: filters.themes.filter((t) => t !== id) },
    });
  }
  for (const id of filters.secteurs) {
    chips.push({
      key: `secteur:${id}`, label: w.t('chips.secteur', { label: vocabLabelOf(vocabulaires.secteurs, id, w.lang) }),
      remove: { secteurs: filters.secteurs.filter((s) => s !== id) },
    });
  }
  if (filters.region !== null) {
    chips.push({ key: 'region', label: w.t('chips.region', { label: regionName(departements, filters.region) }), remove: { region: null } });
  }
  if (filters.departement !== null) {
    chips.push({
      key: 'departement', label: w.t('chips.departement', { label: departementLabel(filters.departement, departements) }),
      remove: { departement: null },
    });
  }
  const years = yearRangeLabel(filters.anneeMin, filters.anneeMax, w);
  if (years) chips.push({ key: 'annees', label: w.t('chips.annees', { label: years }), remove: { anneeMin: null, anneeMax: null } });
  if (filters.laureats) chips.push({ key: 'laureats', label: w.t('laureats.filter'), remove: { laureats: false } });
  return chips;
}

/** One line per active filter, or a line saying there is none (for export notes). */
export function describeFilters(
  filters: Filters,
  vocabulaires: Vocabulaires,
  departements: ReadonlyMap<string, DepartementInfo>,
  w: Wording,
): string[] {
  const chips = filterChips(filters, vocabulaires, departements, w);
  return chips.length ? chips.map((c) => c.label) : [w.t('chips.none')];
}

/** Lowercase ASCII words joined by '-', for file names ("Santé et télésanté" → "sante-et-telesante"). */
export function slug(s: string): string {
  return foldText(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const MAX_SLUG = 60;

/**
 * The filter part of an export file name: theme and sector ids, place, years, search words.
 * Empty when nothing is filtered; cut at a word boundary when long.
 */
export function filtersSlug(filters: Filters, departements: ReadonlyMap<string, DepartementInfo>): string {
  const parts: string[] = [...filters.themes, ...filters.secteurs];
  if (filters.region !== null) parts.push(regionName(departements, filters.region));
  if (filters.departement !== null) parts.push(departements.get(filters.departement)?.nom ?? filters.departement);
  if (filters.anneeMin !== null || filters.anneeMax !== null) {
    parts.push([filters.anneeMin ?? 'avant', filters.anneeMax ?? 'apres'].join('-'));
  }
  if (filters.laureats) parts.push('laureats');
  if (filters.texte.trim() !== '') parts.push(filters.texte);
  const full = slug(parts.join(' '));
  if (full.length <= MAX_SLUG) return full;
  const cut = full.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG);
}
