import { useCallback, useEffect, useRef } from 'react';
import { useAppStore } from '../store/appStore';
import { loadIntoStore } from '../store/loadData';
import { EtapeDialog } from './EtapeDialog';
import { Header } from './Header';
import { MapView } from './MapView';
import { PhoneViewSwitch } from './PhoneViewSwitch';
import { PrintReport } from './PrintReport';
import { SidePanel } from './SidePanel';

/** The page: header, then the map with its side panel once the data is loaded. */
export function App() {
  const load = useAppStore((s) => s.load);
  const selection = useAppStore((s) => s.selection);
  const explorer = useRef<HTMLElement>(null);
  const scroller = useCallback(() => explorer.current, []);

  useEffect(() => {
    if (useAppStore.getState().load.status === 'loading') void loadIntoStore();
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

  return (
    <div className="app">
      <Header />
      {load.status === 'loading' && <p className="message-etat" role="status">Chargement des données…</p>}
      {load.status === 'error' && (
        <div className="message-etat erreur-donnees" role="alert">
          <h2>Les données ne peuvent pas être affichées</h2>
          <p>{load.message}</p>
        </div>
      )}
      {load.status === 'ready' && (
        <>
          <main className="explorateur" ref={explorer}>
            <MapView data={load.data} />
            <SidePanel data={load.data} />
            <PrintReport />
            {selection?.kind === 'etape' && <EtapeDialog key={selection.id} id={selection.id} data={load.data} />}
          </main>
          <PhoneViewSwitch scroller={scroller} />
        </>
      )}
    </div>
  );
}
