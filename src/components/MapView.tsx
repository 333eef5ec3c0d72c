import { useEffect, useRef } from 'react';
import type { LoadedData } from '../store/appStore';
import { MapController } from '../map/MapController';
import { Legend } from './Legend';
import { drawMapSnapshot } from './mapSnapshot';
import { onBeforePrint } from './printing';

/** Creates the map controller once per data set; the controller follows the store by itself. */
export function MapView({ data }: { data: LoadedData }) {
  const container = useRef<HTMLDivElement>(null);
  const printCanvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const controller = new MapController(container.current, data);
    const stopPrintPreparation = onBeforePrint(() => {
      if (!printCanvas.current || !container.current) return;
      // A synchronous redraw, read in the same task, before the browser clears the drawing buffer.
      controller.map.redraw();
      drawMapSnapshot(printCanvas.current, controller.map.getCanvas(), container.current);
    });
    return () => {
      stopPrintPreparation();
      controller.destroy();
    };
  }, [data]);
  return (
    <div className="zone-carte">
      <div className="carte-cadre">
        <div className="carte" ref={container} />
      </div>
      <canvas ref={printCanvas} className="carte-impression" role="img" aria-label="Carte telle qu'affichée à l'écran" />
      <Legend />
    </div>
  );
}
