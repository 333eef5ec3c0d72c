import { useState } from 'react';
import { IntegrationDialog } from './IntegrationDialog';
import { useAppStore, type LoadedData } from '../store/appStore';
import { selectDepartements, selectEtapesMatchingThemes, selectMatchedRows, selectResultsCurrent } from '../store/selectors';
import type { ExportContext } from '../domain/export';
import { formatCount, formatDateFr } from '../domain/presentation';
import { downloadText } from './download';
import { PRINT_MAX_ROWS, printWithRows } from './printing';
import { useLoadedData } from './hooks';
import { loadStatsModule } from './statsLoader';
import './filters.css';

// The export code (and papaparse) is only fetched when someone exports.
const exportModule = () => import('../domain/export');

/**
 * Takes the filtered innovations away: CSV for spreadsheets (`;` for French Excel by default),
 * GeoJSON for GIS tools, the stops as a calendar, a note saying what was exported, print, and the
 * code that puts the map in another site. Folded by default, between the count and the list.
 * Every export holds all filtered rows, not only those on screen: their texts are fetched first.
 */
export function ExportMenu() {
  const data = useLoadedData();
  if (!data) return null;
  return <ExportMenuOf data={data} />;
}

function ExportMenuOf({ data }: { data: LoadedData }) {
  const rows = useAppStore(selectMatchedRows);
  const current = useAppStore(selectResultsCurrent);
  const etapes = useAppStore(selectEtapesMatchingThemes);
  const departements = useAppStore(selectDepartements);
  const filters = useAppStore((s) => s.filters);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const context = (): ExportContext => ({
    filters, vocabulaires: data.vocabulaires, departements, meta: data.meta, today: new Date(),
  });

  /** Runs one export: fetches what it needs, then saves the file; says so while it works. */
  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setFailure(null);
    try {
      await work();
    } catch (err) {
      setFailure(`L'export n'a pas pu être préparé : ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const csv = (delimiter: ';' | ',') => run('CSV', async () => {
    const [m, innovations] = await Promise.all([exportModule(), data.innovations.loadRows(rows)]);
    const ctx = context();
    const name = m.exportFileName('csv', filters, departements, ctx.today);
    downloadText(delimiter === ';' ? name : name.replace(/\.csv$/, '-virgule.csv'), m.innovationsCsv(innovations, departements, delimiter, data.vocabulaires), 'text/csv;charset=utf-8');
  });

  const disabled = busy !== null || !current;

  return (
    <section className="export" aria-labelledby="export-titre" aria-busy={busy !== null}>
      <h2 className="export-entete">
        <button
          type="button"
          id="export-titre"
          className="export-bascule"
          aria-expanded={open}
          aria-controls="export-contenu"
          onClick={() => setOpen((v) => !v)}
        >
          <span className="bascule-fleche" aria-hidden="true" />
          Exporter
        </button>
      </h2>
      <div id="export-contenu" hidden={!open}>
        <p className="export-resume">
          Contenu : {formatCount(rows.length)} (tous les résultats filtrés, pas seulement ceux à l'écran).
          Données mises à jour le {formatDateFr(data.meta.date_donnees)}.
        </p>
        <ul className="export-actions">
          <li>
            <button type="button" className="export-principal" disabled={disabled} onClick={() => void csv(';')}>
              Exporter CSV
            </button>
            <span className="export-aide">Tableur (Excel, LibreOffice) : séparateur point-virgule, virgule décimale.</span>
          </li>
          <li>
            <button type="button" disabled={disabled} onClick={() => void csv(',')}>
              CSV séparateur virgule
            </button>
            <span className="export-aide">Pour les outils anglophones : séparateur virgule, point décimal.</span>
          </li>
          <li>
            <button type="button" disabled={disabled} onClick={() => void run('GeoJSON', async () => {
              const [m, innovations] = await Promise.all([exportModule(), data.innovations.loadRows(rows)]);
              const ctx = context();
              downloadText(m.exportFileName('geojson', filters, departements, ctx.today), JSON.stringify(m.innovationsGeoJson(innovations, ctx), null, 1), 'application/geo+json');
            })}>
              GeoJSON
            </button>
            <span className="export-aide">Pour un SIG (QGIS…), coordonnées réelles WGS 84.</span>
          </li>
          <li>
            <button type="button" disabled={busy !== null} onClick={() => void run('agenda', async () => {
              const m = await exportModule();
              const ctx = context();
              downloadText(m.exportFileName('ics', filters, departements, ctx.today), m.etapesIcs(etapes, data.vocabulaires, departements, ctx.today), 'text/calendar;charset=utf-8');
            })}>
              Étapes (.ics)
            </button>
            <span className="export-aide">{formatCount(etapes.length, 'étape')} de la Route des Territoires, pour un agenda.</span>
          </li>
          <li>
            <button type="button" disabled={disabled} onClick={() => void run('notice', async () => {
              const m = await exportModule();
              const ctx = context();
              downloadText(m.exportFileName('notice', filters, departements, ctx.today), m.exportNotice(rows.length, ctx), 'text/plain;charset=utf-8');
            })}>
              Notice (.txt)
            </button>
            <span className="export-aide">Filtres appliqués, date des données et sens des colonnes.</span>
          </li>
          <li>
            <button type="button" disabled={disabled} onClick={() => void run('impression', async () => {
              await loadStatsModule();
              await printWithRows(data.innovations, rows);
            })}>Imprimer</button>
            <span className="export-aide">
              La carte telle qu'affichée, sa légende, les filtres, les statistiques et le tableau des résultats ({PRINT_MAX_ROWS.toLocaleString('fr-FR')} lignes au plus).
            </span>
          </li>
          <li>
            <IntegrationDialog />
            <span className="export-aide">Le code à coller dans une page pour y afficher la carte avec ces filtres.</span>
          </li>
        </ul>
      </div>
      {busy && <p className="export-etat" role="status">Préparation de l'export ({busy})…</p>}
      {failure && <p className="export-erreur" role="alert">{failure}</p>}
    </section>
  );
}
