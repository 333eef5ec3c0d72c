import { useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../store/appStore';
import { selectDepartements, selectEditionEtapes } from '../store/selectors';
import { etapesInDateOrder } from '../domain/route';
import { etapePlace, formatDate } from '../domain/presentation';
import { useT } from './hooks';
import './visualisation.css';

/** Time on each stop while the tour plays: the camera's flight (1.2 s) and a moment to read. */
export const TOUR_STEP_MS = 2500;
const TRIGGER_ID = 'tournee-rejouer';

/** Keys that move around the page without acting on it: they do not stop the replay. */
const NAVIGATION_KEYS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

/** "Rejouer la tournée": starts the replay (in the map's legend strip). */
export function TourTrigger() {
  const active = useAppStore((s) => s.tour !== null);
  const setTour = useAppStore((s) => s.setTour);
  const select = useAppStore((s) => s.select);
  const { t } = useT();
  return (
    <button
      type="button"
      id={TRIGGER_ID}
      className="tournee-rejouer"
      disabled={active}
      onClick={() => {
        // The replay moves the camera: a department or innovation framed now would hold it.
        select(null);
        setTour({ step: 1, playing: true });
      }}
    >
      <span aria-hidden="true">▶ </span>{t('tour.replay')}
    </button>
  );
}

/**
 * The replay's controls over the map: the stop reached (date and place, announced politely), then
 * previous, play or pause, next, and quit. The map model shows the first `step` stops and moves the
 * camera (src/map/model.ts); this only keeps time. Any action of the person elsewhere on the page
 * (a click, a key, the wheel, a touch) pauses it; Échap quits.
 */
export function TourControls() {
  const tour = useAppStore((s) => s.tour);
  const setTour = useAppStore((s) => s.setTour);
  const departements = useAppStore(selectDepartements);
  const panel = useRef<HTMLElement>(null);
  const pauseButton = useRef<HTMLButtonElement>(null);
  const { t, lang } = useT();
  // The edition shown is the tour replayed (every edition, in date order, when all are shown).
  const editionEtapes = useAppStore(selectEditionEtapes);
  const etapes = useMemo(() => etapesInDateOrder(editionEtapes), [editionEtapes]);
  const total = etapes.length;
  const playing = tour?.playing ?? false;
  const step = tour?.step ?? 0;

  // Keeps time: the next stop after TOUR_STEP_MS, and a stop at the last one.
  useEffect(() => {
    if (!playing) return;
    if (step >= total) {
      useAppStore.getState().setTour({ step, playing: false });
      return;
    }
    const timer = setTimeout(() => useAppStore.getState().setTour({ step: step + 1, playing: true }), TOUR_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, step, total]);

  // Any action elsewhere pauses the replay: the person takes the map back.
  useEffect(() => {
    if (!playing) return;
    const pause = (event: Event) => {
      if (event.target instanceof Node && panel.current?.contains(event.target)) return;
      if (event instanceof KeyboardEvent && NAVIGATION_KEYS.has(event.key)) return;
      const current = useAppStore.getState().tour;
      if (current?.playing) useAppStore.getState().setTour({ ...current, playing: false });
    };
    const types = ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const;
    for (const type of types) document.addEventListener(type, pause, { capture: true, passive: true });
    return () => {
      for (const type of types) document.removeEventListener(type, pause, { capture: true });
    };
  }, [playing]);

  // Keyboard users land on Pause when the replay starts.
  const started = tour !== null;
  useEffect(() => {
    if (started) pauseButton.current?.focus();
  }, [started]);

  if (!tour) return null;
  const etape = etapes[Math.min(step, total) - 1];
  const quit = () => {
    setTour(null);
    document.getElementById(TRIGGER_ID)?.focus();
  };
  const go = (to: number) => setTour({ step: Math.max(1, Math.min(total, to)), playing: false });
  const place = etape ? etapePlace(etape.properties, departements.get(etape.properties.departement)?.nom ?? etape.properties.departement) : '';

  return (
    <section
      ref={panel}
      className="tournee"
      aria-label={t('tour.replay')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          quit();
        }
      }}
    >
      <p className="tournee-etape" aria-live="polite" aria-atomic="true">
        <span className="tournee-rang">{t('tour.stepOf', { step, total })}</span>
        {etape && (
          <>
            {' · '}<strong className="tournee-date">{formatDate(etape.properties.date, lang)}</strong>{' · '}{place}
            <span className="tournee-intitule">{etape.properties.intitule}</span>
          </>
        )}
      </p>
      <div className="tournee-boutons">
        <button type="button" onClick={() => go(step - 1)} disabled={step <= 1}>
          <span aria-hidden="true">◀ </span>{t('tour.previous')}
        </button>
        <button
          type="button"
          ref={pauseButton}
          className="tournee-lecture"
          onClick={() => setTour(playing ? { step, playing: false } : { step: step >= total ? 1 : step, playing: true })}
        >
          {playing ? <><span aria-hidden="true">❚❚ </span>{t('tour.pause')}</> : <><span aria-hidden="true">▶ </span>{t('tour.play')}</>}
        </button>
        <button type="button" onClick={() => go(step + 1)} disabled={step >= total}>
          {t('tour.next')}<span aria-hidden="true"> ▶</span>
        </button>
        <button type="button" onClick={quit}>
          <span aria-hidden="true">✕ </span>{t('tour.quit')}
        </button>
      </div>
    </section>
  );
}
