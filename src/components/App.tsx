import { useCallback, useEffect, useRef } from 'react';
import { useAppStore } from '../store/appStore';
import { loadIntoStore } from '../store/loadData';
import { EtapeDialog } from './EtapeDialog';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { MapView } from './MapView';
import { PhoneViewSwitch } from './PhoneViewSwitch';
import { PrintReport } from './PrintReport';
import { SidePanel } from './SidePanel';

/** The page: header, then the map with its side panel once the data is loaded. */
export function App() {
  const load = useAppStore((s) => s.load);
  const dataProblems = useAppStore((s) => s.dataProblems);
  const selection = useAppStore((s) => s.selection);
  const explorer = useRef<HTMLElement>(null);
  const scroller = useCallback(() => explorer.current, []);

  useEffect(() => {
    if (useAppStore.getState().load.status === 'loading') void loadIntoStore(useAppStore);
  }, []);

  useEffect(() => {
    // Escape closes a department or innovation detail; the stop dialog handles its own Escape.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const current = useAppStore.getState().selection;
      if (current && current.kind !== 'etape') useAppStore.getState().select(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const data = load.status === 'ready' ? load.data : null;
  // The map starts with the page (it reads its outlines by itself); the panel waits for the data.
  return (
    <div className="app">
      <Header />
      {load.status === 'error' && (
        <div className="message-etat erreur-donnees" role="alert">
          <h2>Les données ne peuvent pas être affichées</h2>
          <p>{load.message}</p>
          {load.retry && (
            <button type="button" onClick={() => void loadIntoStore(useAppStore)}>Réessayer</button>
          )}
        </div>
      )}
      {dataProblems.length > 0 && data && (
        <div className="message-etat avertissement-donnees" role="note">
          {dataProblems.map((p) => <p key={p}>{p}</p>)}
        </div>
      )}
      <main className="explorateur" ref={explorer}>
        <ErrorBoundary region="la carte">
          <MapView data={data} />
        </ErrorBoundary>
        {data ? (
          <ErrorBoundary region="le panneau des filtres et de la liste">
            <SidePanel data={data} />
          </ErrorBoundary>
        ) : (
          <aside className="panneau" id="panneau" tabIndex={-1} aria-label="Détails, filtres et liste des innovations">
            {load.status === 'loading' && <p className="message-etat" role="status">Chargement des données…</p>}
          </aside>
        )}
        {data && <PrintReport />}
        {data && selection?.kind === 'etape' && (
          <ErrorBoundary region="la fiche de l'étape">
            <EtapeDialog key={selection.id} id={selection.id} data={data} />
          </ErrorBoundary>
        )}
      </main>
      {data && <PhoneViewSwitch scroller={scroller} />}
    </div>
  );
}
