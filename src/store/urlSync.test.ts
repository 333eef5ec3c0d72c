import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type LoadedData } from './appStore';
import { startUrlSync, VIEW_WRITE_DELAY_MS, type UrlSyncWindow } from './urlSync';

/** A browser history in miniature: entries, an index, and popstate on back(). */
function fakeWindow(initialSearch: string) {
  const entries = [initialSearch];
  let at = 0;
  const listeners = new Set<() => void>();
  const location = { pathname: '/carte/', hash: '', search: initialSearch };
  const go = (url: string | URL | null | undefined) => new URL(String(url), 'http://x').search;
  const win: UrlSyncWindow & { back(): void; entries: string[]; pushes: number; replaces: number } = {
    location,
    entries,
    pushes: 0,
    replaces: 0,
    history: {
      pushState(_d, _u, url) {
        win.pushes++;
        entries.splice(at + 1, entries.length, go(url));
        at++;
        location.search = entries[at]!;
      },
      replaceState(_d, _u, url) {
        win.replaces++;
        entries[at] = go(url);
        location.search = entries[at]!;
      },
    },
    addEventListener: (_t, l) => listeners.add(l),
    removeEventListener: (_t, l) => listeners.delete(l),
    back() {
      at--;
      location.search = entries[at]!;
      for (const l of listeners) l();
    },
  };
  return win;
}

describe('URL sync', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('restores filters, selection and view from the link at start', () => {
    const store = createAppStore();
    startUrlSync(store, fakeWindow('?theme=ent&selection=etape:e02&carte=7/45.04/3.88'));
    const s = store.getState();
    expect(s.filters.themes).toEqual(['ent']);
    expect(s.selection).toEqual({ kind: 'etape', id: 'e02' });
    expect(s.view).toEqual({ center: [3.88, 45.04], zoom: 7 });
  });

  it('replaces the entry when filters change and pushes one when something is selected', () => {
    const store = createAppStore();
    const win = fakeWindow('');
    startUrlSync(store, win);
    store.getState().setFilters({ themes: ['telesante'] });
    expect(win.location.search).toBe('?theme=telesante');
    store.getState().select({ kind: 'innovation', id: 'i7' });
    expect(win.entries).toEqual(['?theme=telesante', '?theme=telesante&selection=innovation:i7']);
    expect(win.pushes).toBe(1);
  });

  it('reads lang=en at start, writes the language when it changes, and leaves it out for French', () => {
    const store = createAppStore();
    const win = fakeWindow('?theme=ent&lang=en');
    startUrlSync(store, win);
    expect(store.getState().lang).toBe('en');
    expect(store.getState().filters.themes).toEqual(['ent']);
    store.getState().setLang('fr');
    expect(win.location.search).toBe('?theme=ent');
    store.getState().setLang('en');
    expect(win.location.search).toBe('?theme=ent&lang=en');
    store.getState().select({ kind: 'innovation', id: 'i7' });
    expect(win.location.search).toBe('?theme=ent&selection=innovation:i7&lang=en');
    expect(win.pushes).toBe(1);
    win.back();
    expect(store.getState().lang).toBe('en');
    const french = createAppStore();
    startUrlSync(french, fakeWindow('?theme=ent'));
    expect(french.getState().lang).toBe('fr');
  });

  it('brings the previous state back on Back', () => {
    const store = createAppStore();
    const win = fakeWindow('?theme=ent');
    startUrlSync(store, win);
    store.getState().select({ kind: 'innovation', id: 'i7' });
    win.back();
    expect(store.getState().selection).toBeNull();
    expect(store.getState().filters.themes).toEqual(['ent']);
    // Restoring does not itself write history.
    expect(win.entries).toHaveLength(2);
  });

  it('batches view changes into one replaceState', () => {
    const store = createAppStore();
    const win = fakeWindow('');
    startUrlSync(store, win);
    for (let i = 0; i < 20; i++) store.getState().setView({ center: [2 + i / 10, 46], zoom: 5 });
    expect(win.replaces).toBe(0);
    vi.advanceTimersByTime(VIEW_WRITE_DELAY_MS + 1);
    expect(win.replaces).toBe(1);
    expect(win.location.search).toBe('?carte=5/46/3.9');
  });

  it('rewrites a link with malformed parts to what was understood', () => {
    const win = fakeWindow('?annee_min=abc&theme=ent&utm=x');
    startUrlSync(createAppStore(), win);
    expect(win.location.search).toBe('?theme=ent');
  });

  it('drops ids the loaded data does not know', () => {
    const store = createAppStore();
    const win = fakeWindow('?theme=ent&theme=disparu');
    startUrlSync(store, win);
    const data = {
      vocabulaires: { themes: [{ id: 'ent', libelle: 'ENT', couleur: '#000000' }], secteurs: [] },
      departements: [],
    } as unknown as LoadedData;
    store.getState().setLoad({ status: 'ready', data });
    expect(store.getState().filters.themes).toEqual(['ent']);
    expect(win.location.search).toBe('?theme=ent');
  });

  it('stops listening when stopped', () => {
    const store = createAppStore();
    const win = fakeWindow('');
    const stop = startUrlSync(store, win);
    stop();
    store.getState().setFilters({ texte: 'x' });
    expect(win.location.search).toBe('');
  });
});
