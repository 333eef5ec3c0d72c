import { useEffect, useRef } from 'react';
import type { LoadedData } from '../store/appStore';
import { MapController } from '../map/MapController';
import { Legend } from './Legend';

/** Creates the map controller once per data set; the controller follows the store by itself. */
export function MapView({ data }: { data: LoadedData }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const controller = new MapController(container.current, data);
    return () => controller.destroy();
  }, [data]);
  return (
    <div className="zone-carte">
      <div className="carte-cadre">
        <div className="carte" ref={container} />
      </div>
      <Legend data={data} />
    </div>
  );
}
