import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useAppStore } from '../store/appStore';
import { selectDepartements, selectFilteredInnovations } from '../store/selectors';
import { filterChips } from '../domain/filterLabels';
import { departementLabel, formatCount, formatDateFr } from '../domain/presentation';
import { useLoadedData } from './hooks';
import { onBeforePrint } from './printing';

/** Most rows printed: past that, a sentence says how many were left out and points to the CSV. */
export const PRINT_MAX_ROWS = 500;

/**
 * What print adds under the map and its legend (hidden on screen): the active filters in words
 * and the filtered innovations as a plain table. The table is built only when a print starts.
 */
export function PrintReport() {
  const data = useLoadedData();
  const filters = useAppStore((s) => s.filters);
  const departements = useAppStore(selectDepartements);
  const innovations = useAppStore(selectFilteredInnovations);
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
  const rows = innovations.slice(0, PRINT_MAX_ROWS);
  const sources = [...new Set(data.meta.attributions.map((a) => a.trim()).filter(Boolean))];

  return (
    <section className="rapport-impression" aria-labelledby="impression-titre">
      <h2 id="impression-titre">Filtres et résultats</h2>
      <p>
        Imprimé le {formatDateFr(new Date().toISOString().slice(0, 10))} · données du {formatDateFr(data.meta.date_donnees)}.
      </p>
      <h3>Filtres actifs</h3>
      {chips.length > 0 ? (
        <ul className="impression-filtres">
          {chips.map((chip) => <li key={chip.key}>{chip.label}</li>)}
        </ul>
      ) : (
        <p>Aucun filtre : toutes les innovations.</p>
      )}
      <h3>{formatCount(innovations.length)}</h3>
      {innovations.length > PRINT_MAX_ROWS && (
        <p className="impression-limite">
          Seules les {PRINT_MAX_ROWS.toLocaleString('fr-FR')} premières sur {innovations.length.toLocaleString('fr-FR')} sont
          imprimées ; l'export CSV donne la liste complète.
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sources.length > 0 && <p className="impression-sources">Sources : {sources.join(' · ')}</p>}
    </section>
  );
}
