import { useRef, useState } from 'react';
import { useLoadedData } from './hooks';
import './contributions.css';

// The form's code (and the commune names it fetches) loads only when someone opens it.
const loadForm = () => import('./PropositionForm');
type FormModule = Awaited<ReturnType<typeof loadForm>>;

const TEXTS = {
  button: 'Proposer',
  /** Said by screen readers everywhere, shown beside "Proposer" where there is room. */
  buttonEnd: ' une innovation',
  loading: 'Ouverture du formulaire…',
  failed: 'Le formulaire n’a pas pu être ouvert : vérifiez la connexion puis réessayez.',
};

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
        {TEXTS.button}<span className="proposer-suite">{TEXTS.buttonEnd}</span>
      </button>
      <span role="status" className="proposer-etat">{state === 'loading' ? TEXTS.loading : ''}</span>
      {state === 'failed' && <p role="alert" className="proposer-erreur">{TEXTS.failed}</p>}
      {form && <form.PropositionForm data={data} opened={opened} opener={button} mapShown={mapShown} />}
    </div>
  );
}
