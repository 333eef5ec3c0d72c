import { Map } from 'maplibre-gl';

/** Placeholder: an empty sea-coloured map over France; replaced by the map controller (issue 3). */
export function createMap(container: HTMLElement): Map {
  return new Map({
    container,
    style: { version: 8, sources: {}, layers: [{ id: 'fond', type: 'background', paint: { 'background-color': '#cfe3ef' } }] },
    center: [2.5, 46.5],
    zoom: 4.5,
  });
}
