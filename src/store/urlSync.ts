/**
 * Keeps the address bar and the store in step, so a link opens the same view and Back works.
 *
 * - At start the query string is read into the store, before the map is created (the map controller
 *   reads `view` once when it starts).
 * - Filter and view changes replace the current history entry (a drag of the map is not a step
 *   anyone wants to go Back to); view changes are batched because browsers throttle replaceState.
 * - Selecting something is deliberate navigation: it pushes an entry, so Back closes the detail.
 * - Back/Forward (popstate) put the entry's state back into the store.
 * - Once the data is loaded, ids the data does not know (old links) are dropped.
 */
import type { StoreApi } from 'zustand';
import type { AppState } from './appStore';
import { selectEditions } from './selectors';
import { keepKnownIds, parseUrlState, serializeUrlState, urlStateOf, type KnownIds } from './urlState';

/** The parts of `window` URL sync uses (a fake in unit tests). */
export interface UrlSyncWindow {
  location: { search: string; pathname: string; hash: string };
  history: {
    pushState(data: unknown, unused: string, url?: string | URL | null): void;
    replaceState(data: unknown, unused: string, url?: string | URL | null): void;
  };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

type Store = Pick<StoreApi<AppState>, 'getState' | 'setState' | 'subscribe'>;

/** Delay before a view change reaches the address bar. */
export const VIEW_WRITE_DELAY_MS = 300;

function knownIds(state: AppState): KnownIds | null {
  if (state.load.status !== 'ready') return null;
  const { vocabulaires, departements } = state.load.data;
  return {
    themes: new Set(vocabulaires.themes.map((t) => t.id)),
    secteurs: new Set(vocabulaires.secteurs.map((s) => s.id)),
    regions: new Set(departements.map((d) => d.region)),
    departements: new Set(departements.map((d) => d.code)),
  };
}

/** Starts syncing; returns a function that stops it. */
export function startUrlSync(store: Store, win: UrlSyncWindow): () => void {
  let applyingUrl = false;
  let pendingView: ReturnType<typeof setTimeout> | null = null;

  const urlFor = (s: AppState) => {
    const query = serializeUrlState(urlStateOf(s));
    return `${win.location.pathname}${query ? `?${query}` : ''}${win.location.hash}`;
  };
  const currentQuery = () => win.location.search.replace(/^\?/, '');

  const write = (mode: 'push' | 'replace') => {
    if (pendingView !== null) {
      clearTimeout(pendingView);
      pendingView = null;
    }
    const s = store.getState();
    const url = urlFor(s);
    if (url === `${win.location.pathname}${win.location.search}${win.location.hash}`) return;
    if (mode === 'push') win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };

  const applyUrl = () => {
    const parsed = parseUrlState(win.location.search);
    const known = knownIds(store.getState());
    applyingUrl = true;
    try {
      store.setState({
        filters: known ? keepKnownIds(parsed.filters, known) : parsed.filters,
        selection: parsed.selection,
        view: parsed.view,
        integration: parsed.integration === true,
        edition: parsed.edition ?? null,
        lang: parsed.lang ?? 'fr',
      });
    } finally {
      applyingUrl = false;
    }
  };

  applyUrl();

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.load !== prev.load && s.load.status === 'ready') {
      const known = knownIds(s);
      const filters = known ? keepKnownIds(s.filters, known) : s.filters;
      // An edition the data does not have (an old link) is dropped like an unknown id.
      const edition = typeof s.edition === 'number' && !selectEditions(s).includes(s.edition) ? null : s.edition;
      if (filters !== s.filters || edition !== s.edition) {
        store.setState({ filters, edition });
        return; // that setState comes back here and writes the URL
      }
    }
    if (applyingUrl) return;
    if (s.selection !== prev.selection) write('push');
    else if (s.filters !== prev.filters || s.edition !== prev.edition || s.lang !== prev.lang) write('replace');
    else if (s.view !== prev.view && pendingView === null) {
      pendingView = setTimeout(() => {
        pendingView = null;
        write('replace');
      }, VIEW_WRITE_DELAY_MS);
    }
  });

  const onPopState = () => {
    if (pendingView !== null) {
      clearTimeout(pendingView);
      pendingView = null;
    }
    applyUrl();
  };
  win.addEventListener('popstate', onPopState);

  // An unreadable or partly ignored link is rewritten to what was understood.
  if (currentQuery() !== serializeUrlState(urlStateOf(store.getState()))) write('replace');

  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
    if (pendingView !== null) clearTimeout(pendingView);
  };
}
