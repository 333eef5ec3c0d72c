import { useEffect, useRef, type ReactNode } from 'react';
import { useAppStore } from '../store/appStore';

/**
 * Heading of a detail view with its close button. The heading takes focus when the detail opens,
 * so keyboard and screen reader users land on what they just selected.
 */
export function DetailHeading({ children, surtitre }: { children: ReactNode; surtitre: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const select = useAppStore((s) => s.select);
  // Once per opened detail (the panel keys each detail by its id): re-renders must not steal focus.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="detail-entete">
      <div>
        <p className="detail-surtitre">{surtitre}</p>
        <h2 ref={heading} tabIndex={-1}>{children}</h2>
      </div>
      <button type="button" className="bouton-fermer" onClick={() => select(null)} aria-label="Fermer le détail (Échap)" title="Fermer (Échap)">
        ×
      </button>
    </div>
  );
}
