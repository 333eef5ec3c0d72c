import { useAppStore } from '../store/appStore';
import { selectMatchedCount, selectYearCounts } from '../store/selectors';
import { UNKNOWN_YEAR, yearInRange } from '../domain/filters';
import { formatCount } from '../domain/presentation';
import './visualisation.css';

/**
 * Under the year fields: how many innovations each year holds, so a person sees where the projects
 * are before choosing. Counts are the worker's year facets (every filter but the years): bars within
 * the chosen years are dark and add up to the filtered count, bars outside are pale. The axis is
 * the data's whole span, so bars never move as filters change.
 */
export function YearHistogram({ years }: { years: readonly number[] }) {
  const yearCounts = useAppStore(selectYearCounts);
  const matched = useAppStore(selectMatchedCount);
  const range = useAppStore((s) => s.results?.filters ?? s.filters);
  if (years.length === 0 || matched === null) return null;
  const unknown = yearCounts.get(UNKNOWN_YEAR) ?? 0;
  const max = Math.max(1, unknown, ...years.map((y) => yearCounts.get(y) ?? 0));
  const ranged = range.anneeMin !== null || range.anneeMax !== null;
  const bar = (key: string, annee: number, count: number, label: string) => {
    const kept = yearInRange(annee, range);
    return (
      <span
        key={key}
        className={`histogramme-barre${kept ? ' est-retenue' : ''}${annee === UNKNOWN_YEAR ? ' est-inconnue' : ''}`}
        data-annee={annee === UNKNOWN_YEAR ? '' : annee}
        data-count={count}
        data-retenue={kept ? 'oui' : 'non'}
        title={`${label} : ${formatCount(count)}`}
      >
        <span className="histogramme-hauteur" style={{ height: `${count === 0 ? 0 : Math.max(4, (count / max) * 100)}%` }} />
      </span>
    );
  };
  const description = [
    ...years.map((y) => `${y} : ${(yearCounts.get(y) ?? 0).toLocaleString('fr-FR')}`),
    ...(unknown > 0 ? [`sans année : ${unknown.toLocaleString('fr-FR')}`] : []),
  ].join(' ; ');
  return (
    <figure className="histogramme-annees">
      <div className="histogramme-barres" role="img" aria-label={`Innovations par année, avec les autres filtres : ${description}.`}>
        {years.map((y) => bar(String(y), y, yearCounts.get(y) ?? 0, String(y)))}
        {unknown > 0 && bar('inconnue', UNKNOWN_YEAR, unknown, 'Sans année')}
      </div>
      <div className="histogramme-axe" aria-hidden="true">
        <span>{years[0]}</span>
        {years.length > 1 && <span>{years.at(-1)}</span>}
        {unknown > 0 && <span className="histogramme-axe-inconnue">?</span>}
      </div>
      <figcaption className="histogramme-legende">
        {ranged
          ? `En foncé, les années choisies : ${formatCount(matched)}.`
          : unknown > 0 ? `${formatCount(matched)} dont ${unknown.toLocaleString('fr-FR')} sans année (?).` : `${formatCount(matched)}.`}
      </figcaption>
    </figure>
  );
}
