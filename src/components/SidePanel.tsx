import type { LoadedData } from '../store/appStore';
import { useAppStore } from '../store/appStore';
import { DepartementPanel } from './DepartementPanel';
import { ExportMenu } from './ExportMenu';
import { FilterPanel } from './FilterPanel';
import { InnovationDetail } from './InnovationDetail';
import { ResultsList } from './ResultsList';
import { StatsSection } from './StatsSection';

/** The side panel (below the map on a phone): the selected item first, then filters, list, export. */
export function SidePanel({ data }: { data: LoadedData }) {
  const selection = useAppStore((s) => s.selection);
  return (
    <aside className="panneau" id="panneau" tabIndex={-1} aria-label="Détails, filtres et liste des innovations">
      {selection?.kind === 'departement' && <DepartementPanel key={selection.id} code={selection.id} data={data} />}
      {selection?.kind === 'innovation' && <InnovationDetail key={selection.id} id={selection.id} data={data} />}
      <FilterPanel />
      <ResultsList />
      <StatsSection />
      <ExportMenu />
    </aside>
  );
}
