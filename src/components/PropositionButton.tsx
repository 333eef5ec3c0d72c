import { useRef, useState } from 'react';
import { useLoadedData, useT } from './hooks';
import './contributions.css';

// The form's code (and the commune names it fetches) loads only when someone opens it.
const loadForm = () => import('./PropositionForm');
type FormModule = Awaited<ReturnType<typeof loadForm>>;


/**
 * "Proposer une innovation": opens the proposal form, loaded at the first click; a draft stays
 * when the form is closed and opened again.
 */
export function PropositionButton() {
  const data = useLoadedData();
  const [form, setForm] = useState<FormModule | null>(null);
  const [opened, setOpened] = useState(0);
  const [mapShown, setMapShown] = useState(true);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const button = useRef<HTMLButtonElement>(null);
  const { t } = useT();
  if (!data) return null;
  const open = async () => {
    if (!form) {
      setState('loading');
      try {
        setForm(await loadForm());
      } catch {
        setState('failed');
        return;
      }
    }
    setState('idle');
    // Without WebGL the map gives way to a notice: no place can be picked on it.
    setMapShown(document.querySelector('.carte:not([hidden]) canvas.maplibregl-canvas') !== null);
    setOpened((n) => n + 1);
  };
  return (
    <div className="proposer">
      <button ref={button} type="button" className="bouton-proposer" aria-haspopup="dialog" onClick={() => void open()}>
        {/* The end is said by screen readers everywhere, shown where there is room. */}
        {t('proposition.button')}<span className="proposer-suite">{t('proposition.buttonEnd')}</span>
      </button>
      <span role="status" className="proposer-etat">{state === 'loading' ? t('proposition.loading') : ''}</span>
      {state === 'failed' && <p role="alert" className="proposer-erreur">{t('proposition.failed')}</p>}
      {form && <form.PropositionForm data={data} opened={opened} opener={button} mapShown={mapShown} />}
    </div>
  );
}
