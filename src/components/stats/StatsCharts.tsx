/**
 * The statistics view (loaded only when it is opened, or before a print): innovations per theme,
 * sector, region and year, from the facet counts of the points worker's last answer — the numbers
 * the filter panel shows. A bar is also a filter: clicking it toggles its value.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore, type LoadedData } from '../../store/appStore';
import {
  selectDepartements, selectMatchedCount, selectRegionCounts, selectRegionNames, selectResultsCurrent, selectSecteurCounts, selectThemeCounts,
  selectYearCounts,
} from '../../store/selectors';
import { regionChart, toggleBar, vocabularyChart, yearChart, type ChartBar, type ChartSeries } from '../../domain/stats';
import { describeFilters } from '../../domain/filterLabels';
import { formatCount, formatDate, localIsoDate } from '../../domain/presentation';
import { useLoadedData, useT } from '../hooks';
import { BarChart } from './BarChart';
import type { ChartFileText } from './chartExport';
import './stats.css';

/** Width of the charts on paper (A4 portrait, within the margins). */
const PRINT_WIDTH = 620;
const MIN_WIDTH = 200;

/** The four series of the current answer. */
function useSeries(data: LoadedData): ChartSeries[] {
  const filters = useAppStore((s) => s.results?.filters ?? s.filters);
  const themeCounts = useAppStore(selectThemeCounts);
  const secteurCounts = useAppStore(selectSecteurCounts);
  const regionCounts = useAppStore(selectRegionCounts);
  const yearCounts = useAppStore(selectYearCounts);
  const regions = useAppStore(selectRegionNames);
  const w = useT();
  return useMemo(() => [
    vocabularyChart('themes', data.vocabulaires.themes, themeCounts, filters.themes, w),
    vocabularyChart('secteurs', data.vocabulaires.secteurs, secteurCounts, filters.secteurs, w),
    regionChart(regions, regionCounts, filters.region, w),
    yearChart(yearCounts, filters, w),
  ], [data, filters, themeCounts, secteurCounts, regionCounts, yearCounts, regions, w]);
}

/** The width of `ref`'s element, followed as it changes (panel resized, phone turned). */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The interactive view in the side panel. */
export default function StatsCharts() {
  const data = useLoadedData();
  return data ? <StatsChartsOf data={data} /> : null;
}

function StatsChartsOf({ data }: { data: LoadedData }) {
  const series = useSeries(data);
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const departements = useAppStore(selectDepartements);
  const current = useAppStore(selectResultsCurrent);
  const count = useAppStore(selectMatchedCount);
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(MIN_WIDTH, useWidth(box));
  const w = useT();
  const { t } = w;

  const toggle = (kind: ChartSeries['kind'], bar: ChartBar) => {
    const patch = toggleBar(kind, bar, useAppStore.getState().filters, (code) => departements.get(code)?.region);
    if (patch) setFilters(patch);
  };
  const filterLine = describeFilters(filters, data.vocabulaires, departements, w).join(w.lang === 'fr' ? ' ; ' : '; ');
  const today = localIsoDate(new Date());
  const fileText = (s: ChartSeries): ChartFileText => ({
    titre: s.titre,
    sousTitre: `${formatCount(count ?? 0, w)} · ${filterLine}`,
    source: t('stats.source', { data: formatDate(data.meta.date_donnees, w.lang), today: formatDate(today, w.lang) }),
  });

  return (
    <div className="statistiques-graphiques" ref={box} aria-busy={!current}>
      <p className="statistiques-aide">{t('stats.help')}</p>
      {width > 0 && series.map((s) => (
        <BarChart
          key={s.kind}
          series={s}
          width={width}
          onToggle={(bar) => toggle(s.kind, bar)}
          fileText={fileText(s)}
          fileName={`graphique-${s.kind}-${today}`}
        />
      ))}
    </div>
  );
}

/** The same charts, still, for print (PrintReport shows them when this module is loaded). */
export function PrintedCharts() {
  const data = useLoadedData();
  return data ? <PrintedChartsOf data={data} /> : null;
}

function PrintedChartsOf({ data }: { data: LoadedData }) {
  const series = useSeries(data);
  return (
    <div className="statistiques-impression">
      {series.map((s) => <BarChart key={s.kind} series={s} width={PRINT_WIDTH} />)}
    </div>
  );
}
