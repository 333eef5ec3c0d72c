/**
 * What the points worker does, as a plain class that runs anywhere (the worker wraps it; unit
 * tests call it directly in Node): filters over the compact columns, facet counts, and clusters
 * of the matching points for one view and zoom, with supercluster.
 *
 * A filter change re-clusters only the matching points; the cluster index of the whole set is
 * kept, so coming back to "all innovations" costs nothing. MapLibre is only ever given the few
 * hundred clusters and points of the current view.
 */
import Supercluster from 'supercluster';
import type { Feature, Point } from 'geojson';
import {
  applyFilters, rowsAtEtape, rowsInDepartement, textKey, textScores, type FilterResult, type SearchText,
} from '../domain/filters';
import { NO_THEME, type PointsTable } from '../domain/points';
import type { Filters } from '../domain/types';

/** Same settings as the clustered source the app had: 40 px, no clusters past zoom 8. */
export const CLUSTER_RADIUS = 40;
export const CLUSTER_MAX_ZOOM = 8;

/** Properties of a single innovation point sent to the map. */
export interface PointProps {
  /** Row of the innovation (display order). */
  i: number;
  couleur: string;
  /** A laureate of the Trophées de l'Innovation Territoriale: drawn with its own marker. */
  laureat: boolean;
}

/** Properties of a cluster sent to the map (supercluster's names, which MapLibre also uses). */
export interface ClusterProps {
  cluster: true;
  cluster_id: number;
  point_count: number;
  point_count_abbreviated: string | number;
}

export type ClusterFeature = Feature<Point, PointProps | ClusterProps>;

/** [west, south, east, north] in display coordinates. */
export type Bbox = [number, number, number, number];

/**
 * The points supercluster reads: `load` only reads each item's coordinates (and keeps its
 * `properties`, here the row number) as it iterates, so one reused object serves every row and a
 * million points cost no million objects. A unit test checks the clusters equal those of plain
 * GeoJSON features.
 */
class RowPoints implements Iterable<{ geometry: { type: 'Point'; coordinates: [number, number] }; properties: number }> {
  constructor(private readonly table: PointsTable, private readonly rows: Uint32Array) {}
  get length(): number {
    return this.rows.length;
  }
  [Symbol.iterator]() {
    const { table, rows } = this;
    const coordinates: [number, number] = [0, 0];
    const item = { geometry: { type: 'Point' as const, coordinates }, properties: 0 };
    const result = { value: item, done: false };
    let k = 0;
    return {
      next: () => {
        if (k >= rows.length) return { value: undefined, done: true } as const;
        const row = rows[k++]!;
        coordinates[0] = table.x[row]!;
        coordinates[1] = table.y[row]!;
        item.properties = row;
        return result;
      },
    };
  }
}

function sameRows(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

export interface FilterAnswer extends FilterResult {
  /** Increases with every filter pass: a cluster id is only valid for its generation. */
  generation: number;
}

export class PointsEngine {
  private readonly all: Uint32Array;
  private allIndex: Supercluster | null = null;
  private current: { rows: Uint32Array; index: Supercluster } | null = null;
  private generation = 0;
  private lastScores: { key: string; scores: Float64Array | null } = { key: '', scores: null };
  private lastMatched: Uint32Array;

  /**
   * @param colours colour of each theme bit (header.themes order); `sansTheme` for rows without one.
   * @param search the folded texts, once loaded (text queries need them: see setSearch).
   */
  constructor(
    readonly table: PointsTable,
    private readonly colours: readonly string[],
    private readonly sansTheme: string,
    private search: SearchText | null = null,
  ) {
    this.all = Uint32Array.from({ length: table.header.count }, (_, i) => i);
    this.lastMatched = this.all;
  }

  get hasSearch(): boolean {
    return this.search !== null;
  }

  setSearch(search: SearchText): void {
    this.search = search;
    this.lastScores = { key: '', scores: null };
  }

  /** Applies the filters; the clusters then follow the matching rows. */
  filter(filters: Filters): FilterAnswer {
    const key = textKey(filters.texte);
    if (key !== this.lastScores.key) {
      if (key !== '' && !this.search) throw new Error('texte de recherche non chargé');
      this.lastScores = { key, scores: key === '' ? null : textScores(this.search!, this.table.header.count, filters.texte) };
    }
    const result = applyFilters(this.table, filters, this.lastScores.scores);
    this.lastMatched = result.matched;
    this.generation++;
    this.cluster(result.matched);
    return { ...result, generation: this.generation };
  }

  private indexOf(rows: Uint32Array): Supercluster {
    return new Supercluster({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM, extent: 512 })
      // RowPoints is read like the features supercluster documents (see its comment).
      .load(new RowPoints(this.table, rows) as unknown as Parameters<Supercluster['load']>[0]);
  }

  private cluster(matched: Uint32Array): void {
    if (matched.length === this.table.header.count) {
      // Every row matches (the order may differ under a text query): the index of all rows serves.
      this.allIndex ??= this.indexOf(this.all);
      this.current = { rows: this.all, index: this.allIndex };
      return;
    }
    if (this.current && sameRows(this.current.rows, matched)) return;
    this.current = { rows: matched, index: this.indexOf(matched) };
  }

  /** Clusters and single points of the matching rows inside `bbox` at `zoom`. */
  clusters(bbox: Bbox, zoom: number): ClusterFeature[] {
    if (!this.current) this.cluster(this.lastMatched);
    const found = this.current!.index.getClusters(bbox, Math.floor(zoom));
    return found.map((f): ClusterFeature => {
      const p = f.properties as unknown;
      if (typeof p === 'number') {
        const t = this.table.premierTheme[p]!;
        const couleur = t === NO_THEME ? this.sansTheme : (this.colours[t] ?? this.sansTheme);
        return { type: 'Feature', geometry: f.geometry, properties: { i: p, couleur, laureat: this.table.trophee[p] !== 0 } };
      }
      const c = p as ClusterProps;
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: { cluster: true, cluster_id: c.cluster_id, point_count: c.point_count, point_count_abbreviated: c.point_count_abbreviated },
      };
    });
  }

  /** Zoom at which a cluster of the current generation splits; null when the id is stale. */
  expansionZoom(clusterId: number, generation: number): number | null {
    if (generation !== this.generation || !this.current) return null;
    try {
      return this.current.index.getClusterExpansionZoom(clusterId);
    } catch {
      return null;
    }
  }

  /** The matching rows of one department, in list order. */
  rowsInDepartement(code: string): Uint32Array {
    return rowsInDepartement(this.table, this.lastMatched, code);
  }

  rowsAtEtape(etapeId: string): Uint32Array {
    return rowsAtEtape(this.table, etapeId);
  }
}
