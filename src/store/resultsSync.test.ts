import { describe, expect, it } from 'vitest';
import { createAppStore, EMPTY_FILTERS, type LoadedData } from './appStore';
import { framesCover, paddedFrame, startResultsSync } from './resultsSync';
import type { InnovationSource } from '../points/client';
import type { FilterAnswer, MapFrame } from '../points/protocol';
import type { Filters } from '../domain/types';

/** A points worker stand-in whose answers the test releases one by one. */
function fakeSource() {
  const asked: { filters: Filters; frame: MapFrame | null; answer: (rows: number[]) => void }[] = [];
  const clusterCalls: MapFrame[] = [];
  let generation = 0;
  const source = {
    filter: (filters: Filters, frame: MapFrame | null) => new Promise<FilterAnswer>((resolve) => {
      asked.push({
        filters, frame,
        answer: (rows) => {
          generation++;
          resolve({
            generation, matched: Uint32Array.from(rows), themeCounts: new Map(), secteurCounts: new Map(), regionCounts: new Map(),
            departementCounts: new Map(), countsByDepartement: new Map(), yearCounts: new Map(), laureatCount: 0,
            clusters: frame ? { generation, frame, features: [] } : null,
          });
        },
      });
    }),
    clusters: async (frame: MapFrame) => {
      clusterCalls.push(frame);
      return { generation, frame, features: [] };
    },
  } as unknown as InnovationSource;
  return { source, asked, clusterCalls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const store = createAppStore();
  const fake = fakeSource();
  store.getState().setLoad({ status: 'ready', data: { innovations: fake.source } as LoadedData });
  const stop = startResultsSync(store);
  return { store, ...fake, stop };
}

describe('startResultsSync', () => {
  it('asks the worker once the data is there and keeps its answer with the filters it answered', async () => {
    const { store, asked, stop } = setup();
    expect(asked).toHaveLength(1);
    asked[0]!.answer([3, 1]);
    await flush();
    expect(Array.from(store.getState().results!.matched)).toEqual([3, 1]);
    expect(store.getState().results!.filters).toBe(EMPTY_FILTERS);
    stop();
  });

  it('asks only for the latest filters while the worker is busy', async () => {
    const { store, asked, stop } = setup();
    store.getState().setFilters({ themes: ['a'] });
    store.getState().setFilters({ themes: ['b'] });
    store.getState().setFilters({ themes: ['c'] });
    expect(asked).toHaveLength(1);
    asked[0]!.answer([]);
    await flush();
    expect(asked.map((a) => a.filters.themes)).toEqual([[], ['c']]);
    asked[1]!.answer([7]);
    await flush();
    expect(store.getState().results!.filters.themes).toEqual(['c']);
    stop();
  });

  it('does not ask again when only a display toggle changed', async () => {
    const { store, asked, stop } = setup();
    asked[0]!.answer([]);
    await flush();
    store.getState().setFilters({ afficherEtapes: false });
    await flush();
    expect(asked).toHaveLength(1);
    stop();
  });

  it('sends the padded frame of the map with the filters, and asks clusters only when the view leaves it', async () => {
    const { store, asked, clusterCalls, stop } = setup();
    const frame: MapFrame = { bbox: [0, 40, 10, 50], zoom: 5.2 };
    store.getState().setMapFrame(frame);
    asked[0]!.answer([1]);
    await flush();
    // The first pass started without a frame: clusters follow for the map's frame.
    expect(clusterCalls).toEqual([paddedFrame(frame)]);
    store.getState().setMapFrame({ bbox: [1, 41, 11, 51], zoom: 5.4 });
    await flush();
    expect(clusterCalls).toHaveLength(1);
    store.getState().setMapFrame({ bbox: [1, 41, 11, 51], zoom: 6.1 });
    await flush();
    expect(clusterCalls).toHaveLength(2);
    store.getState().setFilters({ themes: ['a'] });
    expect(asked[1]!.frame).toEqual(paddedFrame({ bbox: [1, 41, 11, 51], zoom: 6.1 }));
    stop();
  });
});

describe('frames', () => {
  it('pad a view by half its size on each side, within the world', () => {
    expect(paddedFrame({ bbox: [0, 40, 10, 50], zoom: 5 })).toEqual({ bbox: [-5, 35, 15, 55], zoom: 5 });
    expect(paddedFrame({ bbox: [-180, 70, 180, 85], zoom: 1 }).bbox).toEqual([-180, 62.5, 180, 85]);
  });

  it('cover a view inside them at the same whole zoom', () => {
    const asked = paddedFrame({ bbox: [0, 40, 10, 50], zoom: 5 });
    expect(framesCover(asked, { bbox: [2, 42, 12, 52], zoom: 5.9 })).toBe(true);
    expect(framesCover(asked, { bbox: [2, 42, 12, 52], zoom: 6 })).toBe(false);
    expect(framesCover(asked, { bbox: [-6, 42, 4, 52], zoom: 5 })).toBe(false);
  });
});
