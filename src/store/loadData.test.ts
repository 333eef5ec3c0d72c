import { describe, expect, it } from 'vitest';
import { DataLoadError, loadData, loadIntoStore } from './loadData';
import { useAppStore } from './appStore';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (props: object) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [1, 2] } });
const files: Record<string, string> = {
  'departements.geojson': fc([point({ code: '02', role: 'etiquette' })]),
  'innovations.geojson': fc([point({ id: 'I1' })]),
  'etapes.geojson': fc([
    point({ id: 'E1' }), point({ id: 'E2' }),
    { type: 'Feature', properties: { role: 'parcours' }, geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4]] } },
  ]),
  'insets.geojson': fc([]),
  'pays.geojson': fc([]),
  'vocabulaires.json': JSON.stringify({ themes: [], secteurs: [] }),
  'meta.json': JSON.stringify({ exemple: true, date_donnees: '2009-12-01', attributions: ['IGN'] }),
  'report.json': JSON.stringify({ generatedAt: 'x', files: {}, warnings: [], errors: [] }),
};

function fakeFetch(overrides: Record<string, string | null> = {}) {
  const requested: string[] = [];
  const fetchFn = async (url: string) => {
    requested.push(url);
    const name = url.replace(/^data\//, '');
    const body = name in overrides ? overrides[name] : files[name];
    return body == null ? new Response('introuvable', { status: 404 }) : new Response(body, { status: 200 });
  };
  return { fetchFn, requested };
}

describe('loadData', () => {
  it('reads every file relative to the page and keeps the stops apart from the route line', async () => {
    const { fetchFn, requested } = fakeFetch();
    const data = await loadData(fetchFn);
    expect(requested.every((u) => u.startsWith('data/'))).toBe(true);
    expect(data.etapes.map((e) => e.properties.id)).toEqual(['E1', 'E2']);
    // The map draws its own route through the stops it shows; the file's line is not a stop.
    expect(data.etapes.every((e) => e.geometry.type === 'Point')).toBe(true);
    expect(data.meta.exemple).toBe(true);
    expect(data.report).not.toBeNull();
  });

  it('names a missing file in French', async () => {
    const { fetchFn } = fakeFetch({ 'innovations.geojson': null });
    await expect(loadData(fetchFn)).rejects.toThrow(/Le fichier de données innovations\.geojson est introuvable : le serveur répond 404/);
  });

  it('names a file that is not JSON', async () => {
    const { fetchFn } = fakeFetch({ 'departements.geojson': '{"type": "FeatureCollection", ' });
    await expect(loadData(fetchFn)).rejects.toThrow(/departements\.geojson est illisible : ce n'est pas du JSON valide/);
  });

  it('names a file with the wrong shape', async () => {
    const { fetchFn } = fakeFetch({ 'etapes.geojson': JSON.stringify({ type: 'Feature' }) });
    await expect(loadData(fetchFn)).rejects.toThrow(/etapes\.geojson est illisible : une collection GeoJSON/);
    const { fetchFn: badMeta } = fakeFetch({ 'meta.json': JSON.stringify({ exemple: 'oui' }) });
    await expect(loadData(badMeta)).rejects.toBeInstanceOf(DataLoadError);
  });

  it('works without the optional build report', async () => {
    const { fetchFn } = fakeFetch({ 'report.json': null });
    expect((await loadData(fetchFn)).report).toBeNull();
  });
});

describe('loadIntoStore', () => {
  it('puts the French message in the store when a file is missing', async () => {
    const { fetchFn } = fakeFetch({ 'meta.json': null });
    await loadIntoStore(fetchFn);
    const load = useAppStore.getState().load;
    expect(load.status).toBe('error');
    expect(load.status === 'error' && load.message).toMatch(/meta\.json est introuvable/);
  });

  it('puts the data in the store when every file is there', async () => {
    const { fetchFn } = fakeFetch();
    await loadIntoStore(fetchFn);
    expect(useAppStore.getState().load.status).toBe('ready');
  });
});
