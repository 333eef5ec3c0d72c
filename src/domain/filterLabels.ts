/**
 * Active filters in words: the removable chips of the panel, the sentence stating what an export
 * holds, and the part of an export's file name that says it. Shared so the three always agree.
 */
import { departementLabel } from './presentation';
import type { DepartementInfo, Filters, Vocabulaires } from './types';
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

function vocabLabel(entries: Vocabulaires['themes'], id: string): string {
  return entries.find((e) => e.id === id)?.libelle ?? id;
}

function regionName(departements: ReadonlyMap<string, DepartementInfo>, code: string): string {
  for (const d of departements.values()) if (d.region === code) return d.region_nom;
  return code;
}

/** "De 2005 à 2009", "Depuis 2005", "Jusqu'en 2009". */
export function yearRangeLabel(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return min === max ? `En ${min}` : `De ${min} à ${max}`;
  if (min !== null) return `Depuis ${min}`;
  if (max !== null) return `Jusqu'en ${max}`;
  return null;
}

/** The laureate filter, as its checkbox, its chip and the export notes name it. */
export const LAUREATS_LABEL = 'Lauréats des Trophées';

/** The active filters as chips, in panel order. Display toggles (stops) are not filters. */
export function filterChips(
  filters: Filters,
  vocabulaires: Vocabulaires,
  departements: ReadonlyMap<string, DepartementInfo>,
): FilterChip[] {
  const chips: FilterChip[] = [];
  const texte = filters.texte.trim();
  if (texte !== '') chips.push({ key: 'texte', label: `Recherche : « ${texte} »`, remove: { texte: '' } });
  for (const id of filters.themes) {
    chips.push({
      key: `theme:${id}`, label: `Thème : ${vocabLabel(vocabulaires.themes, id)}`,
      remove: { themes: filters.themes.filter((t) => t !== id) },
    });
  }
  for (const id of filters.secteurs) {
    chips.push({
      key: `secteur:${id}`, label: `Secteur : ${vocabLabel(vocabulaires.secteurs, id)}`,
      remove: { secteurs: filters.secteurs.filter((s) => s !== id) },
    });
  }
  if (filters.region !== null) {
    chips.push({ key: 'region', label: `Région : ${regionName(departements, filters.region)}`, remove: { region: null } });
  }
  if (filters.departement !== null) {
    chips.push({
      key: 'departement', label: `Département : ${departementLabel(filters.departement, departements)}`,
      remove: { departement: null },
    });
  }
  const years = yearRangeLabel(filters.anneeMin, filters.anneeMax);
  if (years) chips.push({ key: 'annees', label: `Années : ${years.toLowerCase()}`, remove: { anneeMin: null, anneeMax: null } });
  if (filters.laureats) chips.push({ key: 'laureats', label: LAUREATS_LABEL, remove: { laureats: false } });
  return chips;
}

/** One line per active filter, or a line saying there is none (for export notes). */
export function describeFilters(
  filters: Filters,
  vocabulaires: Vocabulaires,
  departements: ReadonlyMap<string, DepartementInfo>,
): string[] {
  const chips = filterChips(filters, vocabulaires, departements);
  return chips.length ? chips.map((c) => c.label) : ['Aucun filtre : toutes les innovations'];
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
