import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useAppStore } from '../store/appStore';
import { selectDepartements, selectMatchedRows } from '../store/selectors';
import { filterChips } from '../domain/filterLabels';
import { departementLabel, formatCount, formatDateFr, localIsoDate, tropheeLabel } from '../domain/presentation';
import type { InnovationFeature } from '../domain/types';
import { useLoadedData } from './hooks';
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
    () => (data ? filterChips(filters, data.vocabulaires, departements) : []),
    [data, filters, departements],
  );
  if (!data || !printing) return null;

  const themeLabel = new Map(data.vocabulaires.themes.map((t) => [t.id, t.libelle]));
  // "Imprimer" fetches these rows first; a print started from the browser shows those already here.
  const wanted = Array.from(matched.subarray(0, PRINT_MAX_ROWS), (row) => data.innovations.row(row));
  const rows = wanted.filter((f): f is InnovationFeature => f !== undefined);
  const total = matched.length;
  const sources = [...new Set(data.meta.attributions.map((a) => a.trim()).filter(Boolean))];
  // "Imprimer" loads the charts first; a print from the browser shows them once the view was opened.
  const stats = loadedStatsModule();

  return (
    <section className="rapport-impression" aria-labelledby="impression-titre">
      <h2 id="impression-titre">Filtres et résultats</h2>
      <p>
        Imprimé le {formatDateFr(localIsoDate(new Date()))} · données mises à jour le {formatDateFr(data.meta.date_donnees)}.
      </p>
      <h3>Filtres actifs</h3>
      {chips.length > 0 ? (
        <ul className="impression-filtres">
          {chips.map((chip) => <li key={chip.key}>{chip.label}</li>)}
        </ul>
      ) : (
        <p>Aucun filtre : toutes les innovations.</p>
      )}
      {stats && (
        <>
          <h3>Statistiques</h3>
          <stats.PrintedCharts />
        </>
      )}
      <h3>{formatCount(total)}</h3>
      {total > PRINT_MAX_ROWS && (
        <p className="impression-limite">
          Seules les {PRINT_MAX_ROWS.toLocaleString('fr-FR')} premières sur {total.toLocaleString('fr-FR')} sont
          imprimées ; l'export CSV donne la liste complète.
        </p>
      )}
      {rows.length < wanted.length && (
        <p className="impression-limite">
          {(wanted.length - rows.length).toLocaleString('fr-FR')} lignes n'étaient pas encore chargées : utilisez le bouton
          « Imprimer » de la page pour les avoir toutes.
        </p>
      )}
      {rows.length > 0 && (
        <table className="impression-tableau">
          <thead>
            <tr>
              <th scope="col">Titre</th>
              <th scope="col">Département</th>
              <th scope="col">Commune</th>
              <th scope="col">Porteur</th>
              <th scope="col">Année</th>
              <th scope="col">Thèmes</th>
              <th scope="col">Distinction</th>
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
                <td>{p.trophee ? tropheeLabel(p.trophee) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sources.length > 0 && <p className="impression-sources">Sources : {sources.join(' · ')}</p>}
    </section>
  );
}
