import { useState } from 'react';
import { IntegrationDialog } from './IntegrationDialog';
import { useAppStore, type LoadedData } from '../store/appStore';
import { selectDepartements, selectEtapesMatchingThemes, selectMatchedRows, selectResultsCurrent } from '../store/selectors';
import type { ExportContext } from '../domain/export';
import { formatCount, formatDate } from '../domain/presentation';
import { downloadText } from './download';
import { PRINT_MAX_ROWS, printWithRows } from './printing';
import { useLoadedData, useT } from './hooks';
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
  const w = useT();
  const { t } = w;

  const context = (): ExportContext => ({
    filters, vocabulaires: data.vocabulaires, departements, meta: data.meta, today: new Date(), w,
  });

  /** Runs one export: fetches what it needs, then saves the file; says so while it works. */
  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setFailure(null);
    try {
      await work();
    } catch (err) {
      setFailure(t('export.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(null);
    }
  };

  const csv = (delimiter: ';' | ',') => run(t('export.busyCsv'), async () => {
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
          {t('export.title')}
        </button>
      </h2>
      <div id="export-contenu" hidden={!open}>
        <p className="export-resume">
          {t('export.summary', { count: formatCount(rows.length, w), date: formatDate(data.meta.date_donnees, w.lang) })}
        </p>
        <ul className="export-actions">
          <li>
            <button type="button" className="export-principal" disabled={disabled} onClick={() => void csv(';')}>
              {t('export.csv')}
            </button>
            <span className="export-aide">{t('export.csvHelp')}</span>
          </li>
          <li>
            <button type="button" disabled={disabled} onClick={() => void csv(',')}>
              {t('export.csvComma')}
            </button>
            <span className="export-aide">{t('export.csvCommaHelp')}</span>
          </li>
          <li>
            <button type="button" disabled={disabled} onClick={() => void run(t('export.busyGeojson'), async () => {
              const [m, innovations] = await Promise.all([exportModule(), data.innovations.loadRows(rows)]);
              const ctx = context();
              downloadText(m.exportFileName('geojson', filters, departements, ctx.today), JSON.stringify(m.innovationsGeoJson(innovations, ctx), null, 1), 'application/geo+json');
            })}>
              {t('export.geojson')}
            </button>
            <span className="export-aide">{t('export.geojsonHelp')}</span>
          </li>
          <li>
            <button type="button" disabled={busy !== null} onClick={() => void run(t('export.busyIcs'), async () => {
              const m = await exportModule();
              const ctx = context();
              downloadText(m.exportFileName('ics', filters, departements, ctx.today), m.etapesIcs(etapes, data.vocabulaires, departements, ctx.today, w), 'text/calendar;charset=utf-8');
            })}>
              {t('export.ics')}
            </button>
            <span className="export-aide">{t('export.icsHelp', { stops: formatCount(etapes.length, w, 'etape') })}</span>
          </li>
          <li>
            <button type="button" disabled={disabled} onClick={() => void run(t('export.busyNotice'), async () => {
              const m = await exportModule();
              const ctx = context();
              downloadText(m.exportFileName('notice', filters, departements, ctx.today), m.exportNotice(rows.length, ctx), 'text/plain;charset=utf-8');
            })}>
              {t('export.notice')}
            </button>
            <span className="export-aide">{t('export.noticeHelp')}</span>
          </li>
          <li>
            <button type="button" disabled={disabled} onClick={() => void run(t('export.busyPrint'), async () => {
              await loadStatsModule();
              await printWithRows(data.innovations, rows);
            })}>{t('export.print')}</button>
            <span className="export-aide">{t('export.printHelp', { max: PRINT_MAX_ROWS })}</span>
          </li>
          <li>
            <IntegrationDialog />
            <span className="export-aide">{t('export.embedHelp')}</span>
          </li>
        </ul>
      </div>
      {busy && <p className="export-etat" role="status">{t('export.busy', { what: busy })}</p>}
      {failure && <p className="export-erreur" role="alert">{failure}</p>}
    </section>
  );
}
