/**
 * Moving the camera where the map model asks, and the control that brings the national view back.
 */
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { CameraTarget } from './model';

export const FIT_PADDING = 12;
/** Room around a framed department, so its outline is not glued to the map's edges. */
const DEPARTEMENT_PADDING = 40;
/** Room around a leg of the replayed tour: the stops' badges and the tour's controls stay clear. */
const TOUR_PADDING = 70;
/**
 * On a narrow map the replay's controls sit across its bottom (visualisation.css, up to 760 px):
 * the leg is framed above them.
 */
const TOUR_CONTROLS_NARROW = 760;
const TOUR_CONTROLS_HEIGHT = 170;

function tourPadding(map: MapLibreMap): number | { top: number; right: number; bottom: number; left: number } {
  if (window.innerWidth > TOUR_CONTROLS_NARROW) return TOUR_PADDING;
  const height = map.getContainer().clientHeight;
  return { top: 40, right: 40, left: 40, bottom: Math.min(TOUR_CONTROLS_HEIGHT, Math.max(40, height - 120)) };
}

/** A replayed leg's flight: long enough to follow, short enough to leave the stop on screen a while. */
const TOUR_FLIGHT_MS = 1200;

/** Marks the moves the app makes by itself to show the national view: no user chose that view. */
export const NATIONAL_VIEW_EVENT = { vueNationale: true } as const;

/** Room kept between a revealed point and the edges of the part of the map in view. */
const REVEAL_MARGIN = 48;

export interface CameraOptions {
  /** The national view (no view in the link): fitted without animation, marked NATIONAL_VIEW_EVENT. */
  national: boolean;
  /** No animation: the map is not on screen yet. */
  instant: boolean;
  /** Height covering the bottom of the map (a phone's detail sheet): a point flown to or revealed lands above it. */
  obstruction: number;
}

/** Goes to `target`; nothing happens when the map is there already (it reported that view itself). */
export function applyCamera(map: MapLibreMap, target: CameraTarget, { national, instant, obstruction }: CameraOptions): void {
  const animate = !instant;
  switch (target.kind) {
    case 'fit':
      if (national) map.fitBounds(target.bounds, { padding: FIT_PADDING, animate: false }, NATIONAL_VIEW_EVENT);
      else map.fitBounds(target.bounds, { padding: DEPARTEMENT_PADDING, maxZoom: 11, animate });
      return;
    case 'fly':
      map.flyTo({ center: target.center, zoom: Math.max(map.getZoom(), target.minZoom), offset: [0, -obstruction / 2], animate });
      return;
    case 'reveal': {
      const { x, y } = map.project(target.center);
      const { clientWidth: width, clientHeight: height } = map.getContainer();
      const inView = x >= REVEAL_MARGIN && x <= width - REVEAL_MARGIN && y >= REVEAL_MARGIN && y <= height - obstruction - REVEAL_MARGIN;
      if (!inView) map.easeTo({ center: target.center, offset: [0, -obstruction / 2], animate });
      return;
    }
    case 'jump': {
      const center = map.getCenter();
      const moved = Math.abs(center.lng - target.center[0]) > 1e-4 || Math.abs(center.lat - target.center[1]) > 1e-4
        || Math.abs(map.getZoom() - target.zoom) > 0.01;
      if (moved) map.jumpTo({ center: target.center, zoom: target.zoom });
      return;
    }
    case 'follow':
      map.fitBounds(target.bounds, { padding: tourPadding(map), maxZoom: target.maxZoom, animate: target.animate && animate, duration: TOUR_FLIGHT_MS });
  }
}

/** A map control with one text button that brings back the national view; its words are given. */
export class NationalViewControl implements IControl {
  private container: HTMLElement | null = null;
  private readonly button = document.createElement('button');
  constructor(private readonly onActivate: () => void, texts: { label: string; title: string }) {
    this.setTexts(texts);
  }
  setTexts({ label, title }: { label: string; title: string }): void {
    this.button.textContent = label;
    this.button.title = title;
  }
  onAdd(): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group carte-vue-nationale';
    this.button.type = 'button';
    this.button.addEventListener('click', this.onActivate);
    container.append(this.button);
    this.container = container;
    return container;
  }
  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}
