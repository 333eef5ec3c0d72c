/**
 * The stops of the tour as HTML buttons over the map: one tab stop each, named with the rank their
 * badge shows, so keyboard, screen reader and voice users reach them like any button. Each stop is
 * a dot at its place and a badge beside it, joined by a short line; the badge goes where the map
 * model placed it (StopModel.offset), clear of clusters, points and other badges.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { StopModel } from './model';
import { BADGE_HEIGHT, BADGE_WIDTH, DEFAULT_OFFSET } from './stopPlacement';

interface StopMarker {
  marker: Marker;
  place: HTMLDivElement;
  button: HTMLButtonElement;
  number: HTMLSpanElement;
  line: HTMLSpanElement;
  stop: StopModel;
}

export class StopMarkers {
  private readonly markers = new Map<string, StopMarker>();
  /** Height covering the bottom of the map (a phone's detail sheet): stops under it are hidden. */
  private obstruction = 0;
  /** A check of what is covered is due before the next frame (stops updated by a batch of operations). */
  private checkPending = false;

  constructor(private readonly map: MapLibreMap, private readonly onActivate: (id: string) => void) {
    map.on('move', this.hideCovered);
  }

  /**
   * What covers the bottom of the map now (a phone's detail sheet, 0 when none): a stop whose
   * badge lies under it is hidden, neither seen through nor reached by Tab behind the sheet.
   */
  setObstruction(bottom: number): void {
    this.obstruction = bottom;
    this.hideCovered();
  }

  /**
   * Hides the stops whose badge lies under what covers the map: the detail sheet, or one of the
   * map's controls (zoom, national view, credits). Half hidden, a badge could not be pressed
   * reliably (WCAG 2.5.8); it shows again as soon as the map moves it clear.
   */
  private readonly hideCovered = () => {
    const container = this.map.getContainer();
    const frame = container.getBoundingClientRect();
    const limit = container.clientHeight - this.obstruction;
    const controls = [...container.querySelectorAll('.maplibregl-ctrl')].map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left - frame.left, top: r.top - frame.top, right: r.right - frame.left, bottom: r.bottom - frame.top };
    }).filter((r) => r.right > r.left && r.bottom > r.top);
    for (const m of this.markers.values()) {
      const { x, y } = this.map.project(m.stop.lngLat);
      const [dx, dy] = m.stop.offset ?? DEFAULT_OFFSET;
      const box = { left: x + dx - BADGE_WIDTH / 2, top: y + dy - BADGE_HEIGHT / 2, right: x + dx + BADGE_WIDTH / 2, bottom: y + dy + BADGE_HEIGHT / 2 };
      const covered = (this.obstruction > 0 && box.bottom > limit)
        || controls.some((c) => box.left < c.right && c.left < box.right && box.top < c.bottom && c.top < box.bottom);
      m.place.classList.toggle('est-couverte', covered);
    }
  };

  add(stop: StopModel): void {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'etape-marqueur';
    button.dataset.etapeId = stop.id;
    button.setAttribute('aria-controls', 'panneau');
    const number = document.createElement('span');
    number.setAttribute('aria-hidden', 'true');
    button.append(number);
    // The marker is the stop's place: a dot, the line to the badge, then the badge above them.
    const place = document.createElement('div');
    place.className = 'etape';
    const line = document.createElement('span');
    line.className = 'etape-lien';
    const dot = document.createElement('span');
    dot.className = 'etape-point';
    place.append(line, dot, button);
    button.addEventListener('click', (event) => {
      // The click must not also reach the map (it would select the department underneath).
      event.stopPropagation();
      this.onActivate(stop.id);
    });
    const marker = new Marker({ element: place, anchor: 'center' }).setLngLat(stop.lngLat).addTo(this.map);
    this.markers.set(stop.id, { marker, place, button, number, line, stop });
    this.update(stop, false);
  }

  /** Updates a stop; `returnFocus`: its dialog just closed with nothing else chosen, focus comes back here. */
  update(stop: StopModel, returnFocus: boolean): void {
    const found = this.markers.get(stop.id);
    if (!found) return;
    found.stop = stop;
    found.marker.setLngLat(stop.lngLat);
    const [dx, dy] = stop.offset ?? DEFAULT_OFFSET;
    found.button.style.transform = `translate(${dx}px, ${dy}px)`;
    found.line.style.width = `${Math.hypot(dx, dy)}px`;
    found.line.style.transform = `rotate(${Math.atan2(dy, dx)}rad)`;
    found.button.setAttribute('aria-label', stop.name);
    found.button.title = stop.name;
    found.number.textContent = String(stop.rank);
    found.button.classList.toggle('est-active', stop.active);
    found.button.classList.toggle('est-courante', stop.current === true);
    if (returnFocus) found.button.focus();
    this.checkBeforeNextFrame();
  }

  /** One check for a whole batch of updates (a filter change updates every stop). */
  private checkBeforeNextFrame(): void {
    if (this.checkPending) return;
    this.checkPending = true;
    requestAnimationFrame(() => {
      this.checkPending = false;
      this.hideCovered();
    });
  }

  remove(id: string): void {
    this.markers.get(id)?.marker.remove();
    this.markers.delete(id);
  }

  clear(): void {
    for (const { marker } of this.markers.values()) marker.remove();
    this.markers.clear();
  }

  destroy(): void {
    this.map.off('move', this.hideCovered);
    this.clear();
  }
}
