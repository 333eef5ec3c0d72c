/**
 * What the page and the points worker say to each other (through comlink). Types only: the
 * worker (worker.ts) implements PointsWorkerApi, the page (client.ts) calls it.
 */
import type { Filters } from '../domain/types';
import type { FilterResult } from '../domain/filters';
import type { Bbox, ClusterFeature } from './engine';

/** The part of the map in view, for which clusters are asked. */
export interface MapFrame {
  bbox: Bbox;
  zoom: number;
}

/** What the page learns once the points are loaded. */
export interface PointsSummary {
  count: number;
  chunkSize: number;
  /** Innovations per department code, filters aside. */
  totalsByDepartement: Map<string, number>;
  years: { min: number; max: number } | null;
  /** Number of laureates of the Trophées, filters aside (0: the data has none). */
  laureats: number;
}

/** Clusters of one filter generation for one frame. */
export interface ClusterAnswer {
  generation: number;
  frame: MapFrame;
  features: ClusterFeature[];
}

/** One filter pass: matching rows, facets, counts, and the clusters of the frame asked with it. */
export interface FilterAnswer extends FilterResult {
  generation: number;
  clusters: ClusterAnswer | null;
}

export interface LoadOptions {
  /** Absolute URL of the data folder (ends with '/'). */
  base: string;
  /** Colour of each theme, in the order of the points file's header (vocabulaires.json order). */
  colours: Record<string, string>;
  sansTheme: string;
  /** Milliseconds after which a request that has not answered fails. */
  timeoutMs: number;
}

export interface PointsWorkerApi {
  load(options: LoadOptions): Promise<PointsSummary>;
  filter(filters: Filters, frame: MapFrame | null): Promise<FilterAnswer>;
  clusters(frame: MapFrame): Promise<ClusterAnswer>;
  expansionZoom(clusterId: number, generation: number): Promise<number | null>;
  rowsInDepartement(code: string): Promise<Uint32Array>;
  rowsAtEtape(etapeId: string): Promise<Uint32Array>;
  /** Row of each id (-1 when unknown); loads the ids file the first time. */
  resolveIds(ids: string[]): Promise<number[]>;
}
