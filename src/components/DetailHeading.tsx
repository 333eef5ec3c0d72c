import { useEffect, useRef, type ReactNode } from 'react';
import { usePanel } from './panelContext';
import { useT } from './hooks';

/**
 * Heading of a detail view, under a "Retour aux résultats" button (Escape does the same). The
 * heading takes focus when the detail opens, so keyboard and screen reader users land on what
 * they just selected.
 */
export function DetailHeading({ children, surtitre }: { children: ReactNode; surtitre: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { backToResults } = usePanel();
  const { t } = useT();
  // Once per opened detail (the panel keys each detail by its id): re-renders must not steal focus.
  // No scrolling: on a phone the detail is a sheet whose top is already in view.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="detail-entete">
      <button type="button" className="detail-retour" onClick={backToResults} title={t('detail.backTitle')}>
        <span aria-hidden="true">←</span> {t('detail.back')}
      </button>
      <p className="detail-surtitre">{surtitre}</p>
      <h2 ref={heading} tabIndex={-1}>{children}</h2>
    </div>
  );
}
