import { lazy, Suspense, useState } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { loadStatsModule } from './statsLoader';
import { useT } from './hooks';
import './visualisation.css';

// The charts' code comes with the first opening, not with the page.
const StatsCharts = lazy(loadStatsModule);

/**
 * "Statistiques" in the side panel: a section folded by default, whose charts (innovations per
 * theme, sector, region and year) load when it is first opened and then follow the filters.
 */
export function StatsSection() {
  const [open, setOpen] = useState(false);
  const { t } = useT();
  return (
    <section className="statistiques" aria-labelledby="statistiques-titre">
      <h2 className="statistiques-entete">
        <button
          type="button"
          id="statistiques-titre"
          className="statistiques-bascule"
          aria-expanded={open}
          aria-controls="statistiques-contenu"
          onClick={() => setOpen((v) => !v)}
        >
          {t('stats.button')}
        </button>
      </h2>
      <div id="statistiques-contenu" hidden={!open}>
        {open && (
          <ErrorBoundary region={t('app.regionStats')}>
            <Suspense fallback={<p className="statistiques-chargement" role="status">{t('stats.loading')}</p>}>
              <StatsCharts />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </section>
  );
}
