/**
 * The stops of the tour as HTML buttons over the map: one tab stop each, named with the rank their
 * badge shows, so keyboard, screen reader and voice users reach them like any button.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { StopModel } from './model';

export class StopMarkers {
  private readonly markers = new Map<string, { marker: Marker; button: HTMLButtonElement; number: HTMLSpanElement }>();

  constructor(private readonly map: MapLibreMap, private readonly onActivate: (id: string) => void) {}

  add(stop: StopModel): void {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'etape-marqueur';
    button.dataset.etapeId = stop.id;
    button.setAttribute('aria-haspopup', 'dialog');
    const number = document.createElement('span');
    number.setAttribute('aria-hidden', 'true');
    button.append(number);
    button.addEventListener('click', (event) => {
      // The click must not also reach the map (it would select the department underneath).
      event.stopPropagation();
      this.onActivate(stop.id);
    });
    const marker = new Marker({ element: button, anchor: 'center' }).setLngLat(stop.lngLat).addTo(this.map);
    this.markers.set(stop.id, { marker, button, number });
    this.update(stop, false);
  }

  /** Updates a stop; `returnFocus`: its dialog just closed with nothing else chosen, focus comes back here. */
  update(stop: StopModel, returnFocus: boolean): void {
    const found = this.markers.get(stop.id);
    if (!found) return;
    found.marker.setLngLat(stop.lngLat);
    found.button.setAttribute('aria-label', stop.name);
    found.button.title = stop.name;
    found.number.textContent = String(stop.rank);
    found.button.classList.toggle('est-active', stop.active);
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
