import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAppStore, type LoadedData } from '../store/appStore';
import {
  selectDepartementCounts, selectDepartements, selectRegionCounts, selectRegionNames, selectSecteurCounts, selectThemeCounts,
} from '../store/selectors';
import type { DepartementInfo, VocabEntry } from '../domain/types';
import { foldText } from '../domain/normalize';
import { departementLabel, formatCount, formatNumber, vocabLabel } from '../domain/presentation';
import { FilterChips } from './FilterChips';
import { useLoadedData, useT } from './hooks';
import { YearHistogram } from './YearHistogram';
import { LaureatFilter } from './Trophees';
import { EditionSwitch } from './EditionSwitch';
import './filters.css';

/** Typing pauses this long before the search runs: 100,000 rows and a re-clustered map per letter is too much. */
const SEARCH_DELAY_MS = 200;

type GroupId = 'themes' | 'secteurs' | 'territoire' | 'annees' | 'etapes';

/** Whether the page is wider than a phone: the themes, the map's colours, are unfolded there. */
const wideScreen = () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 761px)').matches;

/**
 * Filters: the search box, then one row of buttons that each unfold one group (themes, sectors,
 * territory, years, stops), and the active filters as chips, always in view. One group is open
 * at a time, in two compact columns: the themes (the colours of the map's points) at first on a
 * desktop, none on a phone. The count and the first results stay on screen while filtering.
 */
export function FilterPanel() {
  const data = useLoadedData();
  const filters = useAppStore((s) => s.filters);
  const [open, setOpen] = useState<GroupId | null>(() => (wideScreen() ? 'themes' : null));
  const buttons = useRef(new Map<GroupId, HTMLButtonElement>());
  const { t } = useT();
  if (!data) return null;
  const hasYears = data.innovations.years !== null;
  const groups: { id: GroupId; label: string; active: number }[] = [
    { id: 'themes', label: t('filters.themes'), active: filters.themes.length },
    { id: 'secteurs', label: t('filters.secteurs'), active: filters.secteurs.length },
    { id: 'territoire', label: t('filters.territoire'), active: Number(filters.region !== null) + Number(filters.departement !== null) },
    ...(hasYears ? [{ id: 'annees' as const, label: t('filters.annees'), active: Number(filters.anneeMin !== null || filters.anneeMax !== null) }] : []),
    { id: 'etapes', label: t('filters.etapes'), active: Number(!filters.afficherEtapes) },
  ];
  const volet = (id: GroupId, content: ReactNode) => (
    <div
      id={`filtres-volet-${id}`}
      className="filtres-volet"
      hidden={open !== id}
      onKeyDown={(e) => {
        // Escape folds the open group and gives focus back to its button (not the detail's Escape).
        if (e.key !== 'Escape') return;
        e.preventDefault();
        setOpen(null);
        buttons.current.get(id)?.focus();
      }}
    >
      {content}
    </div>
  );
  return (
    <form className="filtres" aria-labelledby="filtres-titre" onSubmit={(e) => e.preventDefault()}>
      <h2 id="filtres-titre" className="visuellement-cache">{t('filters.title')}</h2>
      <SearchField />
      <LaureatFilter />
      <div className="filtres-onglets" role="group" aria-labelledby="filtres-onglets-titre">
        <span id="filtres-onglets-titre" className="visuellement-cache">{t('filters.by')}</span>
        {groups.map((g) => (
          <button
            key={g.id}
            ref={(el) => {
              if (el) buttons.current.set(g.id, el);
              else buttons.current.delete(g.id);
            }}
            type="button"
            className="filtres-onglet"
            aria-expanded={open === g.id}
            aria-controls={`filtres-volet-${g.id}`}
            onClick={() => setOpen((current) => (current === g.id ? null : g.id))}
          >
            {g.label}
            {g.active > 0 && (
              <span className="filtres-onglet-nombre">
                <span className="visuellement-cache"> (</span>{g.active}<span className="visuellement-cache"> {t('filters.active', { count: g.active })})</span>
              </span>
            )}
            <span className="filtres-chevron" aria-hidden="true" />
          </button>
        ))}
      </div>
      {volet('themes', <VocabGroup groupe="themes" legend={t('filters.themes')} entries={data.vocabulaires.themes} />)}
      {volet('secteurs', <VocabGroup groupe="secteurs" legend={t('filters.secteurs')} entries={data.vocabulaires.secteurs} />)}
      {volet('territoire', <TerritoryFields />)}
      {hasYears && volet('annees', <YearFields data={data} />)}
      {volet('etapes', <StopsToggle />)}
      <FilterChips />
    </form>
  );
}

function SearchField() {
  const texte = useAppStore((s) => s.filters.texte);
  const setFilters = useAppStore((s) => s.setFilters);
  const [draft, setDraft] = useState(texte);
  const [committed, setCommitted] = useState(texte);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { t } = useT();
  // A chip, "Réinitialiser" or Back changed the search: show it.
  if (texte !== committed) {
    setCommitted(texte);
    setDraft(texte);
  }
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const commit = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setCommitted(value);
    setFilters({ texte: value });
  };
  return (
    <div className="filtres-recherche">
      <label htmlFor="filtre-texte">{t('filters.searchLabel')}</label>
      <input
        id="filtre-texte"
        type="search"
        value={draft}
        autoComplete="off"
        placeholder={t('filters.searchPlaceholder')}
        aria-describedby="filtre-texte-aide"
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(value), SEARCH_DELAY_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft);
        }}
      />
      <p id="filtre-texte-aide" className="visuellement-cache">{t('filters.searchHelp')}</p>
    </div>
  );
}

function VocabGroup({ groupe, legend, entries }: { groupe: 'themes' | 'secteurs'; legend: string; entries: readonly VocabEntry[] }) {
  const selected = useAppStore((s) => s.filters[groupe]);
  const counts = useAppStore(groupe === 'themes' ? selectThemeCounts : selectSecteurCounts);
  const setFilters = useAppStore((s) => s.setFilters);
  const w = useT();
  const toggle = (id: string, checked: boolean) => {
    setFilters({ [groupe]: checked ? [...selected, id] : selected.filter((v) => v !== id) });
  };
  return (
    <fieldset className="filtres-groupe">
      <legend>{legend}</legend>
      <ul>
        {entries.map((entry) => {
          const count = counts.get(entry.id) ?? 0;
          const id = `filtre-${groupe}-${entry.id}`;
          return (
            <li key={entry.id} className={count === 0 ? 'filtres-valeur filtres-valeur-vide' : 'filtres-valeur'}>
              <input id={id} type="checkbox" checked={selected.includes(entry.id)} onChange={(e) => toggle(entry.id, e.target.checked)} />
              <label htmlFor={id}>
                <span className="filtres-pastille" style={{ background: entry.couleur }} aria-hidden="true" />
                <span className="filtres-libelle" title={vocabLabel(entry, w.lang)}>{vocabLabel(entry, w.lang)}</span>
                <span className="filtres-compte" aria-hidden="true">{formatNumber(count, w.lang)}</span>
                <span className="visuellement-cache">, {formatCount(count, w)}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

interface Place {
  code: string;
  /** What the option shows and the input holds once chosen. */
  label: string;
  /** Folded forms a person may type for it (name, code, both). */
  keys: string[];
}

function regionPlaces(names: ReadonlyMap<string, string>): Place[] {
  return [...names].map(([code, nom]) => ({ code, label: nom, keys: [foldText(nom)] }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

function departementPlaces(departements: ReadonlyMap<string, DepartementInfo>, region: string | null): Place[] {
  return [...departements.values()]
    .filter((d) => region === null || d.region === region)
    .map((d) => {
      const label = departementLabel(d.code, departements);
      return { code: d.code, label, keys: [foldText(label), foldText(d.nom), foldText(d.code)] };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

function TerritoryFields() {
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const departements = useAppStore(selectDepartements);
  const regionCounts = useAppStore(selectRegionCounts);
  const departementCounts = useAppStore(selectDepartementCounts);
  const regionNames = useAppStore(selectRegionNames);
  const regions = useMemo(() => regionPlaces(regionNames), [regionNames]);
  const deps = useMemo(() => departementPlaces(departements, filters.region), [departements, filters.region]);
  const { t } = useT();
  return (
    <fieldset className="filtres-groupe">
      <legend>{t('filters.territoire')}</legend>
      <PlaceField
        label={t('filters.region')}
        places={regions}
        counts={regionCounts}
        value={filters.region}
        onChange={(region) => {
          const dep = filters.departement !== null ? departements.get(filters.departement) : undefined;
          setFilters({ region, departement: region !== null && dep && dep.region !== region ? null : filters.departement });
        }}
      />
      <PlaceField
        label={t('filters.departement')}
        places={deps}
        counts={departementCounts}
        value={filters.departement}
        onChange={(departement) => setFilters({ departement })}
      />
    </fieldset>
  );
}

/**
 * A text field with suggestions (native datalist). Picking a proposal applies it at once; typed
 * text (a name or a code, accents optional) applies on Enter or when leaving the field, so typing
 * "Loiret" never passes through "Loire". Clearing the text clears the filter.
 */
function PlaceField({ label, places, counts, value, onChange }: {
  label: string;
  places: Place[];
  counts: ReadonlyMap<string, number>;
  value: string | null;
  onChange: (code: string | null) => void;
}) {
  const id = useId();
  const labelOf = (code: string | null) => (code === null ? '' : places.find((p) => p.code === code)?.label ?? code);
  const [draft, setDraft] = useState(() => labelOf(value));
  const [shown, setShown] = useState(value);
  const [refused, setRefused] = useState(false);
  const w = useT();
  // Changed from elsewhere (chip, "Réinitialiser", Back, region change): show it.
  if (value !== shown) {
    setShown(value);
    setDraft(labelOf(value));
    setRefused(false);
  }
  const find = (text: string) => {
    const key = foldText(text);
    return places.find((p) => p.keys.includes(key));
  };
  const apply = (code: string | null) => {
    setShown(code);
    setDraft(labelOf(code));
    setRefused(false);
    if (code !== value) onChange(code);
  };
  const settle = () => {
    if (draft.trim() === '') return apply(null);
    const place = find(draft);
    if (place) apply(place.code);
    else setRefused(true);
  };
  return (
    <div className="filtres-lieu">
      <label htmlFor={`${id}-champ`}>{label}</label>
      <input
        id={`${id}-champ`}
        type="search"
        list={`${id}-liste`}
        value={draft}
        autoComplete="off"
        placeholder={w.t('filters.all')}
        aria-invalid={refused || undefined}
        aria-describedby={refused ? `${id}-erreur` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          setRefused(false);
          if (text.trim() === '') return apply(null);
          // A proposal picked from the list arrives as its exact label.
          const picked = places.find((p) => p.label === text);
          if (picked) apply(picked.code);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            settle();
          }
        }}
        onBlur={settle}
      />
      <datalist id={`${id}-liste`}>
        {places.map((p) => (
          <option key={p.code} value={p.label} label={formatCount(counts.get(p.code) ?? 0, w)} />
        ))}
      </datalist>
      {refused && (
        <p id={`${id}-erreur`} className="filtres-erreur" role="alert">
          {w.t('filters.refused', { text: draft })}
        </p>
      )}
    </div>
  );
}

function YearFields({ data }: { data: LoadedData }) {
  const anneeMin = useAppStore((s) => s.filters.anneeMin);
  const anneeMax = useAppStore((s) => s.filters.anneeMax);
  const setFilters = useAppStore((s) => s.setFilters);
  const { t } = useT();
  const years = useMemo(() => {
    const range = data.innovations.years;
    const list: number[] = [];
    if (range) for (let y = range.min; y <= range.max; y++) list.push(y);
    return list;
  }, [data]);
  // A link may name a year outside the data: keep it choosable so the select shows the truth.
  const choices = [...new Set([...years, ...[anneeMin, anneeMax].filter((y): y is number => y !== null)])].sort((a, b) => a - b);
  if (years.length === 0) return null;
  const options = (other: number | null, keep: (y: number) => boolean) => (
    <>
      <option value="">{t('filters.yearAll')}</option>
      {choices.filter((y) => other === null || keep(y)).map((y) => <option key={y} value={y}>{y}</option>)}
    </>
  );
  const read = (v: string) => (v === '' ? null : Number(v));
  return (
    <fieldset className="filtres-groupe filtres-annees">
      <legend>{t('filters.yearsLegend')}</legend>
      <div>
        <label htmlFor="filtre-annee-min">{t('filters.yearFrom')}</label>
        <select id="filtre-annee-min" value={anneeMin ?? ''} onChange={(e) => setFilters({ anneeMin: read(e.target.value) })}>
          {options(anneeMax, (y) => y <= anneeMax!)}
        </select>
      </div>
      <div>
        <label htmlFor="filtre-annee-max">{t('filters.yearTo')}</label>
        <select id="filtre-annee-max" value={anneeMax ?? ''} onChange={(e) => setFilters({ anneeMax: read(e.target.value) })}>
          {options(anneeMin, (y) => y >= anneeMin!)}
        </select>
      </div>
      <YearHistogram years={years} />
    </fieldset>
  );
}

function StopsToggle() {
  const afficherEtapes = useAppStore((s) => s.filters.afficherEtapes);
  const afficherParcours = useAppStore((s) => s.afficherParcours);
  const setFilters = useAppStore((s) => s.setFilters);
  const setAfficherParcours = useAppStore((s) => s.setAfficherParcours);
  const { t } = useT();
  return (
    <fieldset className="filtres-groupe">
      <legend>{t('filters.stopsLegend')}</legend>
      <EditionSwitch />
      <div className="filtres-etapes">
        <input
          id="filtre-etapes"
          type="checkbox"
          checked={afficherEtapes}
          onChange={(e) => setFilters({ afficherEtapes: e.target.checked })}
        />
        <label htmlFor="filtre-etapes">{t('filters.showStops')}</label>
      </div>
      <div className="filtres-etapes">
        <input
          id="filtre-parcours"
          type="checkbox"
          checked={afficherParcours}
          disabled={!afficherEtapes}
          onChange={(e) => setAfficherParcours(e.target.checked)}
        />
        <label htmlFor="filtre-parcours">{t('filters.showRoute')}</label>
      </div>
    </fieldset>
  );
}
