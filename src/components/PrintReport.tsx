import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useAppStore } from '../store/appStore';
import { selectDepartements, selectMatchedRows } from '../store/selectors';
import { filterChips } from '../domain/filterLabels';
import { departementLabel, formatCount, formatDate, localIsoDate, tropheeLabel, vocabLabel } from '../domain/presentation';
import type { InnovationFeature } from '../domain/types';
import { useLoadedData, useT } from './hooks';
import { onBeforePrint, PRINT_MAX_ROWS } from './printing';
import { loadedStatsModule } from './statsLoader';

/**
 * What print adds under the map and its legend (hidden on screen): the active filters in words
 * and the filtered innovations as a plain table. The table is built only when a print starts.
 */
export function PrintReport() {
  const data = useLoadedData();
  const filters = useAppStore((s) => s.filters);
  const departements = useAppStore(selectDepartements);
  const matched = useAppStore(selectMatchedRows);
  const [printing, setPrinting] = useState(false);
  const w = useT();
  const { t, lang } = w;

  useEffect(() => {
    // flushSync: the table must be in the page before the browser lays it out for print.
    const stop = onBeforePrint(() => flushSync(() => setPrinting(true)));
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    return () => {
      stop();
      window.removeEventListener('afterprint', done);
    };
  }, []);

  const chips = useMemo(
    () => (data ? filterChips(filters, data.vocabulaires, departements, w) : []),
    [data, filters, departements, w],
  );
  if (!data || !printing) return null;

  const themeLabel = new Map(data.vocabulaires.themes.map((entry) => [entry.id, vocabLabel(entry, lang)]));
  // "Imprimer" fetches these rows first; a print started from the browser shows those already here.
  const wanted = Array.from(matched.subarray(0, PRINT_MAX_ROWS), (row) => data.innovations.row(row));
  const rows = wanted.filter((f): f is InnovationFeature => f !== undefined);
  const total = matched.length;
  const sources = [...new Set(data.meta.attributions.map((a) => a.trim()).filter(Boolean))];
  // "Imprimer" loads the charts first; a print from the browser shows them once the view was opened.
  const stats = loadedStatsModule();

  return (
    <section className="rapport-impression" aria-labelledby="impression-titre">
      <h2 id="impression-titre">{t('print.title')}</h2>
      <p>{t('print.printed', { today: formatDate(localIsoDate(new Date()), lang), date: formatDate(data.meta.date_donnees, lang) })}</p>
      <h3>{t('print.activeFilters')}</h3>
      {chips.length > 0 ? (
        <ul className="impression-filtres">
          {chips.map((chip) => <li key={chip.key}>{chip.label}</li>)}
        </ul>
      ) : (
        <p>{t('chips.none')}.</p>
      )}
      {stats && (
        <>
          <h3>{t('print.statistics')}</h3>
          <stats.PrintedCharts />
        </>
      )}
      <h3>{formatCount(total, w)}</h3>
      {total > PRINT_MAX_ROWS && (
        <p className="impression-limite">{t('print.only', { max: PRINT_MAX_ROWS, total })}</p>
      )}
      {rows.length < wanted.length && (
        <p className="impression-limite">{t('print.notLoaded', { count: wanted.length - rows.length })}</p>
      )}
      {rows.length > 0 && (
        <table className="impression-tableau">
          <thead>
            <tr>
              <th scope="col">{t('print.titre')}</th>
              <th scope="col">{t('print.departement')}</th>
              <th scope="col">{t('print.commune')}</th>
              <th scope="col">{t('print.porteur')}</th>
              <th scope="col">{t('print.annee')}</th>
              <th scope="col">{t('print.themes')}</th>
              <th scope="col">{t('print.distinction')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ properties: p }) => (
              <tr key={p.id} data-id={p.id}>
                <td>{p.titre}</td>
                <td>{departementLabel(p.departement, departements)}</td>
                <td>{p.commune}</td>
                <td>{p.porteur}</td>
                <td>{p.annee ?? ''}</td>
                <td>{p.themes.map((id) => themeLabel.get(id) ?? id).join(', ')}</td>
                <td>{p.trophee ? tropheeLabel(p.trophee, w) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sources.length > 0 && <p className="impression-sources">{t('print.sources', { list: sources.join(' · ') })}</p>}
    </section>
  );
}
