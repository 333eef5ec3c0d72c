import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { useAppStore } from '../store/appStore';
import { loadIntoStore } from '../store/loadData';
import { ErrorBoundary } from './ErrorBoundary';
import { Footer } from './Footer';
import { Header } from './Header';
import { MapView } from './MapView';
import { PhoneViewSwitch, type PhoneView } from './PhoneViewSwitch';
import { PrintReport } from './PrintReport';
import { SidePanel } from './SidePanel';
import { useT } from './hooks';

/**
 * The page: header, then the map with its side panel once the data is loaded, then the footer.
 * Embedded (`?integration=1`) it keeps only the map and the panel, with a link to the full page.
 * On a phone the map fills the screen and the panel is the other view of the "Carte / Filtres et
 * liste" switch; a detail opens as a sheet over the bottom of the map.
 */
export function App() {
  const load = useAppStore((s) => s.load);
  const dataProblems = useAppStore((s) => s.dataProblems);
  const detailOpen = useAppStore((s) => s.selection !== null);
  const integration = useAppStore((s) => s.integration);
  const picking = useAppStore((s) => s.picking);
  const [phoneView, setPhoneView] = useState<PhoneView>('carte');
  const showResults = useCallback(() => setPhoneView('liste'), []);
  const { t, lang } = useT();

  // The page's language, title and description follow the interface's (screen readers, search engines, tabs).
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('document.title');
    document.querySelector('meta[name="description"]')?.setAttribute('content', t('document.description'));
  }, [t, lang]);

  useEffect(() => {
    if (useAppStore.getState().load.status === 'loading') void loadIntoStore(useAppStore);
  }, []);

  useEffect(() => {
    // Escape closes a detail (department, innovation, stop), unless a control used it first.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      if (useAppStore.getState().selection) useAppStore.getState().select(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const data = load.status === 'ready' ? load.data : null;
  const classes = ['app'];
  if (integration) classes.push('app-integration');
  if (detailOpen) classes.push('avec-detail');
  // The map starts with the page (it reads its outlines by itself); the panel waits for the data.
  // While the proposal form waits for a place clicked on the map, a phone shows the map.
  return (
    <div className={classes.join(' ')} data-vue-telephone={picking ? 'carte' : phoneView}>
      <Header onSkipToPanel={showResults} />
      {load.status === 'error' && (
        <div className="message-etat erreur-donnees" role="alert">
          <h2>{t('app.dataError')}</h2>
          <p>{load.message}</p>
          {load.retry && (
            <button type="button" onClick={() => void loadIntoStore(useAppStore)}>{t('app.retry')}</button>
          )}
        </div>
      )}
      {dataProblems.length > 0 && data && (
        <div className="message-etat avertissement-donnees" role="note">
          {dataProblems.map((p) => <p key={p}>{p}</p>)}
        </div>
      )}
      <main className="explorateur">
        <ErrorBoundary region={t('app.regionMap')}>
          <MapView data={data} />
        </ErrorBoundary>
        {data ? (
          <ErrorBoundary region={t('app.regionPanel')}>
            <SidePanel data={data} onResultsShown={showResults} />
          </ErrorBoundary>
        ) : (
          <aside className="panneau" id="panneau" tabIndex={-1} aria-label={t('app.panel')}>
            {load.status === 'loading' && <p className="message-etat" role="status">{t('app.loading')}</p>}
          </aside>
        )}
        {data && <PrintReport />}
      </main>
      {data && !integration && <Footer data={data} />}
      {data && (
        <PhoneViewSwitch
          shown={detailOpen ? null : phoneView}
          onShow={(view) => {
            if (useAppStore.getState().selection) useAppStore.getState().select(null);
            setPhoneView(view);
          }}
        />
      )}
    </div>
  );
}
