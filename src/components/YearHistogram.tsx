import { useAppStore } from '../store/appStore';
import { selectMatchedCount, selectYearCounts } from '../store/selectors';
import { UNKNOWN_YEAR, yearInRange } from '../domain/filters';
import { formatCount } from '../domain/presentation';
import { useT } from './hooks';
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
  const w = useT();
  const { t } = w;
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
        title={t('histogram.bar', { label, count: formatCount(count, w) })}
      >
        <span className="histogramme-hauteur" style={{ height: `${count === 0 ? 0 : Math.max(4, (count / max) * 100)}%` }} />
      </span>
    );
  };
  const description = [
    ...years.map((y) => t('histogram.item', { year: y, count: yearCounts.get(y) ?? 0 })),
    ...(unknown > 0 ? [t('histogram.item', { year: t('histogram.noYearLower'), count: unknown })] : []),
  ].join(w.lang === 'fr' ? ' ; ' : '; ');
  return (
    <figure className="histogramme-annees">
      <div className="histogramme-barres" role="img" aria-label={t('histogram.description', { list: description })}>
        {years.map((y) => bar(String(y), y, yearCounts.get(y) ?? 0, String(y)))}
        {unknown > 0 && bar('inconnue', UNKNOWN_YEAR, unknown, t('histogram.noYear'))}
      </div>
      <div className="histogramme-axe" aria-hidden="true">
        <span>{years[0]}</span>
        {years.length > 1 && <span>{years.at(-1)}</span>}
        {unknown > 0 && <span className="histogramme-axe-inconnue">?</span>}
      </div>
      <figcaption className="histogramme-legende">
        {ranged
          ? t('histogram.chosen', { count: formatCount(matched, w) })
          : unknown > 0 ? t('histogram.withUnknown', { count: formatCount(matched, w), unknown }) : t('histogram.plain', { count: formatCount(matched, w) })}
      </figcaption>
    </figure>
  );
}
