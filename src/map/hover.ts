/**
 * Pointer feedback on the map: the hovered department (reported, the controller outlines it), the
 * pointer cursor over what reacts to a click, and a tooltip for a department, a point or a
 * cluster. Tooltip text is given by the caller (a point's title needs its row, which may still be
 * on its way).
 */
import { Popup, type Map as MapLibreMap, type MapMouseEvent } from 'maplibre-gl';
import type { ClusterFeature } from '../points/engine';

/** Title and detail line of a tooltip. */
export type TooltipLines = [string, string];

/** What the pointer is over: an innovation point or cluster, or a department. */
export type MapHit = { kind: 'innovation'; feature: ClusterFeature } | { kind: 'departement'; code: string };

export class HoverFeedback {
  private readonly tooltip: Popup;
  private hoveredDepartement: string | null = null;
  /** What the tooltip shows now, to rebuild it only when that changes. */
  private key = '';
  /** Bumped on every move: a late answer for an older hover is dropped. */
  private moves = 0;

  constructor(
    private readonly map: MapLibreMap,
    private readonly topFeature: (event: MapMouseEvent) => MapHit | undefined,
    private readonly linesFor: (hit: MapHit) => TooltipLines | Promise<TooltipLines | null> | null,
    private readonly onDepartement: (code: string | null) => void,
  ) {
    this.tooltip = new Popup({
      closeButton: false, closeOnClick: false, focusAfterOpen: false, className: 'carte-infobulle', offset: 14, maxWidth: '260px',
    });
    map.on('mousemove', this.onMove);
    map.on('mouseout', this.clear);
  }

  private setDepartement(code: string | null): void {
    if (code === this.hoveredDepartement) return;
    this.hoveredDepartement = code;
    this.onDepartement(code);
  }

  private readonly onMove = (event: MapMouseEvent) => {
    const move = ++this.moves;
    const feature = this.topFeature(event);
    this.map.getCanvas().style.cursor = feature ? 'pointer' : '';
    this.setDepartement(feature?.kind === 'departement' ? feature.code : null);
    const lines = feature ? this.linesFor(feature) : null;
    const show = (found: TooltipLines | null) => {
      if (move !== this.moves) return;
      if (!found) {
        this.hide();
        return;
      }
      const key = found.join('\n');
      if (key !== this.key) {
        this.key = key;
        this.tooltip.setDOMContent(tooltipElement(found));
      }
      this.tooltip.setLngLat(event.lngLat);
      if (!this.tooltip.isOpen()) this.tooltip.addTo(this.map);
    };
    if (lines instanceof Promise) void lines.then(show, () => show(null));
    else show(lines);
  };

  private hide(): void {
    this.tooltip.remove();
    this.key = '';
  }

  readonly clear = () => {
    this.moves++;
    this.setDepartement(null);
    this.hide();
    this.map.getCanvas().style.cursor = '';
  };

  destroy(): void {
    this.map.off('mousemove', this.onMove);
    this.map.off('mouseout', this.clear);
    this.tooltip.remove();
  }
}

/** Tooltip body as text nodes (never HTML from data). */
function tooltipElement([title, detail]: TooltipLines): HTMLElement {
  const root = document.createElement('div');
  const strong = document.createElement('strong');
  strong.textContent = title;
  const line = document.createElement('div');
  line.textContent = detail;
  root.append(strong, line);
  return root;
}
