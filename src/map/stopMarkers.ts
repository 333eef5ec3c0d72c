/**
 * The stops of the tour as HTML buttons over the map: one tab stop each, named with the rank their
 * badge shows, so keyboard, screen reader and voice users reach them like any button. Each stop is
 * a dot at its place and a badge beside it, joined by a short line; the badge goes where the map
 * model placed it (StopModel.offset), clear of clusters, points and other badges.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { StopModel } from './model';
import { DEFAULT_OFFSET } from './stopPlacement';

export class StopMarkers {
  private readonly markers = new Map<string, { marker: Marker; button: HTMLButtonElement; number: HTMLSpanElement; line: HTMLSpanElement }>();

  constructor(private readonly map: MapLibreMap, private readonly onActivate: (id: string) => void) {}

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
    this.markers.set(stop.id, { marker, button, number, line });
    this.update(stop, false);
  }

  /** Updates a stop; `returnFocus`: its dialog just closed with nothing else chosen, focus comes back here. */
  update(stop: StopModel, returnFocus: boolean): void {
    const found = this.markers.get(stop.id);
    if (!found) return;
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
  }

  remove(id: string): void {
    this.markers.get(id)?.marker.remove();
    this.markers.delete(id);
  }

  clear(): void {
    for (const { marker } of this.markers.values()) marker.remove();
    this.markers.clear();
  }
}
