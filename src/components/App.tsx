import { useEffect, useRef } from 'react';
import { createMap } from '../map/createMap';

/** Placeholder shell: replaced by the map explorer (issue 3). */
export function App() {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const map = createMap(container.current);
    return () => map.remove();
  }, []);
  return (
    <main style={{ position: 'fixed', inset: 0 }}>
      <h1 style={{ position: 'absolute', zIndex: 1, margin: 8, font: '600 18px sans-serif' }}>Cartographie TIC des territoires</h1>
      <div ref={container} style={{ position: 'absolute', inset: 0 }} />
    </main>
  );
}
