import { useLayoutEffect, useMemo, useRef } from 'react';
import type { LoadedData } from '../store/appStore';
import { useAppStore } from '../store/appStore';
import { DepartementPanel } from './DepartementPanel';
import { EtapeDetail } from './EtapeDetail';
import { ExportMenu } from './ExportMenu';
import { FilterPanel } from './FilterPanel';
import { InnovationDetail } from './InnovationDetail';
import { PanelContext } from './panelContext';
import { ResultsList } from './ResultsList';
import { StatsSection } from './StatsSection';
import { useT } from './hooks';

/**
 * The side panel, one scroll container: the results view (search, filters folded, count, tools
 * and the list) or, once something is selected, its detail in the same place. The results view
 * stays mounted while a detail is open, and "Retour aux résultats" puts the list back where it was
 * left. On a phone the panel is the "Filtres et liste" view, and a detail a sheet over the map.
 */
export function SidePanel({ data, onResultsShown }: { data: LoadedData; onResultsShown?: () => void }) {
  const selection = useAppStore((s) => s.selection);
  const panel = useRef<HTMLElement>(null);
  /** Scroll position of the results view, kept while it is on screen. */
  const resultsScroll = useRef(0);
  const focusResults = useRef(false);
  const detailOpen = selection !== null;
  const detailBefore = useRef(detailOpen);
  const { t } = useT();

  useLayoutEffect(() => {
    const element = panel.current;
    const changed = detailBefore.current !== detailOpen;
    detailBefore.current = detailOpen;
    if (!element || !changed) return;
    if (detailOpen) {
      element.scrollTop = 0;
      return;
    }
    element.scrollTop = resultsScroll.current;
    const active = document.activeElement;
    // Back from a detail: focus goes to the results when asked, or when it was lost with the detail.
    if (focusResults.current || !active || active === document.body || !active.isConnected) {
      const target = element.querySelector<HTMLElement>('.resultats-liste') ?? element.querySelector<HTMLElement>('#filtre-texte');
      target?.focus({ preventScroll: true });
    }
    focusResults.current = false;
  }, [detailOpen]);

  const actions = useMemo(() => ({
    backToResults: () => {
      focusResults.current = true;
      useAppStore.getState().select(null);
      onResultsShown?.();
    },
  }), [onResultsShown]);

  return (
    <PanelContext.Provider value={actions}>
      <aside
        ref={panel}
        className={detailOpen ? 'panneau panneau-detail' : 'panneau'}
        id="panneau"
        tabIndex={-1}
        aria-label={t('app.panel')}
        onScroll={(e) => {
          if (!detailOpen) resultsScroll.current = e.currentTarget.scrollTop;
        }}
      >
        {selection?.kind === 'departement' && <DepartementPanel key={selection.id} code={selection.id} data={data} />}
        {selection?.kind === 'innovation' && <InnovationDetail key={selection.id} id={selection.id} data={data} />}
        {selection?.kind === 'etape' && <EtapeDetail key={selection.id} id={selection.id} data={data} />}
        <div className="panneau-resultats" hidden={detailOpen}>
          <FilterPanel />
          <ResultsList tools={<><StatsSection /><ExportMenu /></>} />
        </div>
      </aside>
    </PanelContext.Provider>
  );
}
