import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { barName, chartLayout, CHART_LAYOUT, CHOSEN_MARK, type ChartBar, type ChartSeries } from '../../domain/stats';
import { downloadChartPng, downloadChartSvg, type ChartFileText } from './chartExport';
import { formatNumber } from '../../domain/presentation';
import { useT } from '../hooks';

const FONT_FAMILY = 'system-ui, sans-serif';
const TEXT = '#1e1e1e';

/** Width of a text in the charts' font, measured by the browser. */
function textMeasure(): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * CHART_LAYOUT.fontSize * 0.6;
  context.font = `${CHART_LAYOUT.fontSize}px ${FONT_FAMILY}`;
  return (text) => context.measureText(text).width;
}

export interface BarChartProps {
  series: ChartSeries;
  width: number;
  /** Called with a bar a click or Enter chose; absent for a chart that only shows (print). */
  onToggle?: (bar: ChartBar) => void;
  /** What an exported file says around the chart; absent: no export buttons. */
  fileText?: ChartFileText;
  /** File name without extension, for exports. */
  fileName?: string;
}

/**
 * One horizontal bar chart in SVG. Interactive: a toolbar of toggle buttons (one tab stop, arrows
 * move between bars, Enter or Space toggles), a "Voir les données" table and PNG/SVG exports.
 */
export function BarChart({ series, width, onToggle, fileText, fileName }: BarChartProps) {
  const id = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const [showTable, setShowTable] = useState(false);
  const [active, setActive] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const measure = useMemo(() => textMeasure(), []);
  const w = useT();
  const { t, lang } = w;
  const layout = useMemo(() => chartLayout(series.bars, width, measure, lang), [series.bars, width, measure, lang]);
  const markWidth = measure(CHOSEN_MARK);
  const spaceWidth = measure(' ');
  const interactive = onToggle !== undefined;
  const { rowHeight, labelBaseline, barTop, barHeight, fontSize } = CHART_LAYOUT;
  const dimOthers = series.bars.some((b) => b.emphasis) && series.kind === 'annees';
  // Rows a keyboard reaches (bars that toggle a filter), by their place among all rows.
  const stops = layout.rows.flatMap((row, k) => (row.bar.toggles ? [k] : []));
  const current = stops.includes(active) ? active : (stops[0] ?? -1);

  const focusRow = (k: number) => {
    setActive(k);
    svgRef.current?.querySelector<SVGGElement>(`.graphique-barre[data-rang="${k}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>, k: number, bar: ChartBar) => {
    const at = stops.indexOf(k);
    const moves: Record<string, number | undefined> = {
      ArrowDown: stops[Math.min(stops.length - 1, at + 1)], ArrowRight: stops[Math.min(stops.length - 1, at + 1)],
      ArrowUp: stops[Math.max(0, at - 1)], ArrowLeft: stops[Math.max(0, at - 1)], Home: stops[0], End: stops.at(-1),
    };
    if (event.key in moves) {
      event.preventDefault();
      const to = moves[event.key];
      if (to !== undefined) focusRow(to);
    } else if ((event.key === 'Enter' || event.key === ' ') && bar.toggles) {
      event.preventDefault();
      onToggle?.(bar);
    }
  };

  const exportAs = async (kind: 'svg' | 'png') => {
    if (!svgRef.current || !fileText || !fileName) return;
    setFailure(null);
    try {
      if (kind === 'svg') downloadChartSvg(svgRef.current, fileText, `${fileName}.svg`);
      else await downloadChartPng(svgRef.current, fileText, `${fileName}.png`);
    } catch (err) {
      setFailure(t('stats.imageFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <figure className="graphique" data-graphique={series.kind} aria-labelledby={`${id}-titre`}>
      <figcaption id={`${id}-titre`} className="graphique-titre">{series.titre}</figcaption>
      {series.bars.length === 0 ? (
        <p className="graphique-vide">{t('stats.noneMatching')}</p>
      ) : (
        <svg
          ref={svgRef}
          className="graphique-svg"
          xmlns="http://www.w3.org/2000/svg"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          fontFamily={FONT_FAMILY}
          fontSize={fontSize}
          role={interactive ? 'toolbar' : 'img'}
          aria-orientation={interactive ? 'vertical' : undefined}
          aria-label={interactive ? series.titre : `${series.titre}${lang === 'fr' ? ' : ' : ': '}${series.bars.map((b) => `${b.libelle} ${formatNumber(b.count, lang)}`).join(lang === 'fr' ? ' ; ' : '; ')}`}
        >
          {layout.rows.map((row, k) => {
            const { bar } = row;
            const clickable = interactive && bar.toggles;
            return (
              <g
                key={bar.key}
                className={clickable ? 'graphique-barre' : 'graphique-barre-fixe'}
                transform={`translate(0 ${row.y})`}
                data-cle={bar.key}
                data-count={bar.count}
                data-rang={k}
                role={interactive ? (clickable ? 'button' : 'img') : undefined}
                tabIndex={clickable ? (k === current ? 0 : -1) : undefined}
                aria-pressed={clickable ? bar.selected : undefined}
                aria-label={interactive ? barName(series, bar, w) : undefined}
                onClick={clickable ? () => {
                  setActive(k);
                  onToggle(bar);
                } : undefined}
                onKeyDown={clickable ? (e) => onKeyDown(e, k, bar) : undefined}
              >
                {clickable && <rect className="graphique-cible" width={layout.width} height={rowHeight} fill="transparent" />}
                {row.barWidth > 0 && (
                  <rect
                    x={0.5} y={barTop} width={row.barWidth} height={barHeight}
                    fill={bar.couleur} fillOpacity={dimOthers && !bar.emphasis ? 0.3 : 1}
                    stroke={TEXT} strokeWidth={bar.emphasis ? 2 : 1}
                  />
                )}
                {/* One text for label and count, so the text read out of the row is "label count",
                    the start of the bar's name (WCAG 2.5.3). */}
                <text fill={TEXT}>
                  {bar.emphasis && <tspan x={0} y={labelBaseline} fontWeight={700}>{CHOSEN_MARK}</tspan>}
                  <tspan x={bar.emphasis ? markWidth : 0} y={labelBaseline} fontWeight={bar.emphasis ? 700 : 400}>{row.label}</tspan>
                  <tspan x={row.countX - spaceWidth} y={barTop + barHeight - 2}> {formatNumber(bar.count, lang)}</tspan>
                </text>
                {clickable && <rect className="graphique-focus" x={1} y={1} width={layout.width - 2} height={rowHeight - 2} rx={3} fill="none" />}
              </g>
            );
          })}
        </svg>
      )}
      {interactive && series.bars.length > 0 && (
        <div className="graphique-actions">
          <button type="button" aria-expanded={showTable} aria-controls={`${id}-donnees`} onClick={() => setShowTable((v) => !v)}>
            {showTable ? t('stats.hideData') : t('stats.showData')}
          </button>
          {fileText && (
            <>
              <button type="button" aria-label={t('stats.download', { title: series.titre, format: 'PNG' })} onClick={() => void exportAs('png')}>PNG</button>
              <button type="button" aria-label={t('stats.download', { title: series.titre, format: 'SVG' })} onClick={() => void exportAs('svg')}>SVG</button>
            </>
          )}
        </div>
      )}
      {failure && <p className="graphique-erreur" role="alert">{failure}</p>}
      {interactive && (
        <div id={`${id}-donnees`} hidden={!showTable}>
          {showTable && (
            <table className="graphique-donnees">
              <caption>{series.titre}</caption>
              <thead>
                <tr>
                  <th scope="col">{series.groupe}</th>
                  <th scope="col">{t('stats.innovations')}</th>
                </tr>
              </thead>
              <tbody>
                {series.bars.map((bar) => (
                  <tr key={bar.key} data-cle={bar.key}>
                    <th scope="row">{bar.libelle}{bar.emphasis ? t('stats.activeFilter') : ''}</th>
                    <td>{formatNumber(bar.count, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </figure>
  );
}
