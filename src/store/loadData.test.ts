import { describe, expect, it } from 'vitest';
import { DataLoadError, describeProblems, loadData, loadIntoStore, type LoadDeps } from './loadData';
import { createAppStore } from './appStore';
import type { InnovationSource } from '../points/client';
import type { LoadOptions } from '../points/protocol';
import { vocabLabel } from '../domain/presentation';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const etape = (id: string) => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] },
  properties: { id, date: '2009-04-23', commune: '', departement: '02', intitule: '', themes: [], longitude: 1, latitude: 2, position: 'exact', edition: 2009 },
});
const BASE = 'http://exemple.test/data/';
const files: Record<string, string> = {
  'departements-infos.json': JSON.stringify([{ code: '02', nom: 'Aisne', region: '32', region_nom: 'Hauts-de-France', zone: 'metro', bbox: [3, 49, 4, 50] }]),
  'etapes.geojson': fc([etape('E1'), etape('E2')]),
  'vocabulaires.json': JSON.stringify({ themes: [{ id: 'ent', libelle: 'ENT', couleur: '#112233' }], secteurs: [] }),
  'meta.json': JSON.stringify({ exemple: true, date_donnees: '2009-12-01', attributions: ['IGN'] }),
};

/** A points worker stand-in: records how it was started and whether it was stopped. */
function fakeSource() {
  const started: LoadOptions[] = [];
  let disposed = 0;
  const startSource = async (options: LoadOptions) => {
    started.push(options);
    return { count: 0, dispose: () => { disposed++; } } as unknown as InnovationSource;
  };
  return { startSource, started, disposed: () => disposed };
}

function deps(overrides: Record<string, string | null> = {}, extra: Partial<LoadDeps> = {}) {
  const requested: string[] = [];
  const source = fakeSource();
  const fetchFn = async (url: string) => {
    requested.push(url);
    const name = url.slice(BASE.length);
    const body = name in overrides ? overrides[name] : files[name];
    return body == null ? new Response('introuvable', { status: 404 }) : new Response(body, { status: 200 });
  };
  return { deps: { fetchFn, base: BASE, startSource: source.startSource, ...extra }, requested, source };
}

describe('loadData', () => {
  it('keeps the English label of a vocabulary entry, and reads entries without one (French fallback)', async () => {
    const vocabulaires = JSON.stringify({
      themes: [{ id: 'ent', libelle: 'ENT', couleur: '#112233', libelle_en: 'Digital workspaces' }, { id: 'sante', libelle: 'Santé', couleur: '#445566' }],
      secteurs: [],
    });
    const { deps: d } = deps({ 'vocabulaires.json': vocabulaires });
    const { data } = await loadData(d);
    expect(data.vocabulaires.themes.map((t) => vocabLabel(t, 'en'))).toEqual(['Digital workspaces', 'Santé']);
    expect(data.vocabulaires.themes.map((t) => vocabLabel(t, 'fr'))).toEqual(['ENT', 'Santé']);
  });

  it('refuses an English label that is not a text', async () => {
    const vocabulaires = JSON.stringify({ themes: [{ id: 'ent', libelle: 'ENT', couleur: '#112233', libelle_en: 3 }], secteurs: [] });
    const { deps: d } = deps({ 'vocabulaires.json': vocabulaires });
    await expect(loadData(d)).rejects.toThrow(/libelle_en/);
  });

  it('reads every small file from the data folder and starts the points worker with the theme colours', async () => {
    const { deps: d, requested, source } = deps();
    const { data, problems } = await loadData(d);
    expect(requested.every((u) => u.startsWith(BASE))).toBe(true);
    // The outlines are the map's, the innovations the worker's: the page reads neither.
    expect(requested.some((u) => /innovations\.geojson|departements\.geojson|pays\.geojson/.test(u))).toBe(false);
    expect(data.etapes.map((e) => e.properties.id)).toEqual(['E1', 'E2']);
    expect(data.departements.map((d) => d.nom)).toEqual(['Aisne']);
    expect(data.meta.exemple).toBe(true);
    expect(problems).toEqual([]);
    expect(source.started[0]).toMatchObject({ base: BASE, colours: { ent: '#112233' } });
  });

  it('names a missing file in French and stops the worker it started', async () => {
    const { deps: d, source } = deps({ 'meta.json': null });
    await expect(loadData(d)).rejects.toThrow(/Le fichier de données meta\.json est introuvable : le serveur répond 404/);
    expect(source.disposed()).toBe(1);
  });

  it('names a file that is not JSON', async () => {
    const { deps: d } = deps({ 'departements-infos.json': '[{"code": "02", ' });
    await expect(loadData(d)).rejects.toThrow(/departements-infos\.json est illisible : ce n'est pas du JSON valide/);
  });

  it('names the file and the first bad field of a file with the wrong shape', async () => {
    const { deps: notCollection } = deps({ 'etapes.geojson': JSON.stringify({ type: 'Feature' }) });
    await expect(loadData(notCollection)).rejects.toThrow(/etapes\.geojson est illisible : une collection GeoJSON/);
    const { deps: badMeta } = deps({ 'meta.json': JSON.stringify({ exemple: 'oui', date_donnees: '2009-12-01', attributions: ['x'] }) });
    await expect(loadData(badMeta)).rejects.toThrow(/meta\.json est illisible : exemple : « exemple » doit valoir true/);
    await expect(loadData(badMeta)).rejects.toBeInstanceOf(DataLoadError);
  });

  it('leaves out features of the wrong shape, counts them and names the first problem', async () => {
    const stale = { ...etape('E3'), properties: { ...etape('E3').properties, themes: null } };
    const { deps: d } = deps({ 'etapes.geojson': fc([etape('E1'), stale, { type: 'Feature' }]) });
    const { data, problems } = await loadData(d);
    expect(data.etapes.map((e) => e.properties.id)).toEqual(['E1']);
    expect(problems).toEqual([{ file: 'etapes.geojson', rejected: 2, firstProblem: 'features[1].properties.themes : « themes » doit être une liste de textes' }]);
    expect(describeProblems(problems)[0]).toMatch(/^etapes\.geojson : 2 éléments de forme inattendue laissés de côté/);
  });


  it('gives up on a request that never answers, with a message that invites to try again', async () => {
    const { deps: d } = deps({}, {
      timeoutMs: 50,
      fetchFn: (url: string, init?: RequestInit) => (url.endsWith('meta.json')
        ? new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('abandon'))))
        : Promise.resolve(new Response(files[url.slice(BASE.length)] ?? '', { status: 200 }))),
    });
    const error = await loadData(d).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataLoadError);
    expect((error as DataLoadError).message).toMatch(/meta\.json n'arrive pas : le serveur n'a pas répondu en 0 secondes/);
    expect((error as DataLoadError).retry).toBe(true);
  });
});

describe('loadIntoStore', () => {
  it('puts the French message in the store when a file is missing, and says whether to retry', async () => {
    const store = createAppStore();
    await loadIntoStore(store, deps({ 'meta.json': null }).deps);
    const load = store.getState().load;
    expect(load.status).toBe('error');
    expect(load.status === 'error' && load.message).toMatch(/meta\.json est introuvable/);
    expect(load.status === 'error' && load.retry).toBe(false);
  });

  it('puts the data in the store, and stops the old worker when loading again', async () => {
    const store = createAppStore();
    const first = deps();
    await loadIntoStore(store, first.deps);
    expect(store.getState().load.status).toBe('ready');
    await loadIntoStore(store, deps().deps);
    expect(first.source.disposed()).toBe(1);
  });
});
