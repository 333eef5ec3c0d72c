import { useAppStore } from '../store/appStore';
import { selectDepartements, selectEtapesMatchingThemes, selectFilteredInnovations } from '../store/selectors';
import {
  etapesIcs, exportFileName, exportNotice, innovationsCsv, innovationsGeoJson, type ExportContext, type ExportKind,
} from '../domain/export';
import { formatDateFr } from '../domain/presentation';
import { downloadText } from './download';
import { PRINT_MAX_ROWS } from './PrintReport';
import { printPage } from './printing';
import { formatCount } from '../domain/presentation';
import { useLoadedData } from './hooks';
import './filters.css';

/**
 * Takes the filtered innovations away: CSV for spreadsheets (`;` for French Excel by default),
 * GeoJSON for GIS tools, the stops as a calendar, and a note saying what was exported.
 * Every export holds all filtered rows, not only those on screen.
 */
export function ExportMenu() {
  const data = useLoadedData();
  const innovations = useAppStore(selectFilteredInnovations);
  const etapes = useAppStore(selectEtapesMatchingThemes);
  const departements = useAppStore(selectDepartements);
  const filters = useAppStore((s) => s.filters);
  if (!data) return null;

  const context = (): ExportContext => ({
    filters, vocabulaires: data.vocabulaires, departements, meta: data.meta, today: new Date(),
  });
  const save = (kind: ExportKind, make: (ctx: ExportContext) => string, type: string, name?: string) => {
    const ctx = context();
    downloadText(name ?? exportFileName(kind, filters, departements, ctx.today), make(ctx), type);
  };

  return (
    <section className="export" aria-labelledby="export-titre">
      <h2 id="export-titre">Exporter</h2>
      <p className="export-resume">
        Contenu : {formatCount(innovations.length)} (tous les résultats filtrés, pas seulement ceux à l'écran).
        Données du {formatDateFr(data.meta.date_donnees)}.
      </p>
      <ul className="export-actions">
        <li>
          <button type="button" className="export-principal" onClick={() => save('csv', () => innovationsCsv(innovations, departements, ';'), 'text/csv;charset=utf-8')}>
            Exporter CSV
          </button>
          <span className="export-aide">Tableur (Excel, LibreOffice) : séparateur point-virgule, virgule décimale.</span>
        </li>
        <li>
          <button type="button" onClick={() => {
            const ctx = context();
            const name = exportFileName('csv', filters, departements, ctx.today).replace(/\.csv$/, '-virgule.csv');
            downloadText(name, innovationsCsv(innovations, departements, ','), 'text/csv;charset=utf-8');
          }}>
            CSV séparateur virgule
          </button>
          <span className="export-aide">Pour les outils anglophones : séparateur virgule, point décimal.</span>
        </li>
        <li>
          <button type="button" onClick={() => save('geojson', (ctx) => JSON.stringify(innovationsGeoJson(innovations, ctx), null, 1), 'application/geo+json')}>
            GeoJSON
          </button>
          <span className="export-aide">Pour un SIG (QGIS…), coordonnées réelles WGS 84.</span>
        </li>
        <li>
          <button type="button" onClick={() => save('ics', (ctx) => etapesIcs(etapes, data.vocabulaires, departements, ctx.today), 'text/calendar;charset=utf-8')}>
            Étapes (.ics)
          </button>
          <span className="export-aide">{formatCount(etapes.length, 'étape')} de la Route des Territoires, pour un agenda.</span>
        </li>
        <li>
          <button type="button" onClick={() => save('notice', (ctx) => exportNotice(innovations.length, ctx), 'text/plain;charset=utf-8')}>
            Notice (.txt)
          </button>
          <span className="export-aide">Filtres appliqués, date des données et sens des colonnes.</span>
        </li>
        <li>
          <button type="button" onClick={printPage}>Imprimer</button>
          <span className="export-aide">
            La carte telle qu'affichée, sa légende, les filtres et le tableau des résultats ({PRINT_MAX_ROWS.toLocaleString('fr-FR')} lignes au plus).
          </span>
        </li>
      </ul>
    </section>
  );
}
