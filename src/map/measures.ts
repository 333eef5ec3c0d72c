/**
 * Performance measures the benchmarks read (keep their names): 'carto:first-idle' once the map has
 * drawn its first innovations, and 'carto:filter' from the click on a filter (the store marks
 * 'carto:filter-start') to the map idle with the answer drawn.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export const FIRST_IDLE = 'carto:first-idle';
export const FILTER = 'carto:filter';
export const FILTER_START = 'carto:filter-start';

export class MapMeasures {
  private firstRecorded = false;
  private pointsShown = false;
  private filterPending = false;

  /** @param onFirstComplete called once, when the map has drawn its first complete view. */
  constructor(private readonly map: MapLibreMap, private readonly onFirstComplete: () => void = () => {}) {
    map.on('idle', this.onIdle);
  }

  /** The first innovations were handed to the map: the next idle is the first complete view. */
  notePointsShown(): void {
    this.pointsShown = true;
  }

  /**
   * The map has what answers the last filter change: the next idle closes its measure. `drawing`
   * says whether that answer changed anything on the map; if not, one frame is asked for so that
   * an idle event follows.
   */
  closeFilterAtIdle(drawing: boolean): void {
    if (performance.getEntriesByName(FILTER_START, 'mark').length === 0) return;
    this.filterPending = true;
    if (!drawing) this.map.triggerRepaint();
  }

  private readonly onIdle = () => {
    if (!this.firstRecorded && this.pointsShown) {
      this.firstRecorded = true;
      performance.measure(FIRST_IDLE, { start: 0, end: performance.now() });
      this.onFirstComplete();
    }
    if (this.filterPending) {
      this.filterPending = false;
      if (performance.getEntriesByName(FILTER_START, 'mark').length > 0) {
        performance.measure(FILTER, FILTER_START);
        performance.clearMarks(FILTER_START);
      }
    }
  };

  destroy(): void {
    this.map.off('idle', this.onIdle);
  }
}
