/**
 * The statistics charts are fetched only when someone opens the view or prints: their code is
 * a chunk of its own. Once loaded, the module is kept so a print can show it synchronously.
 */
export type StatsModule = typeof import('./stats/StatsCharts');

let loading: Promise<StatsModule> | null = null;
let loaded: StatsModule | null = null;

/** Loads the charts' module (once). */
export function loadStatsModule(): Promise<StatsModule> {
  loading ??= import('./stats/StatsCharts').then((m) => {
    loaded = m;
    return m;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The charts' module if it is loaded already, else null. */
export function loadedStatsModule(): StatsModule | null {
  return loaded;
}
