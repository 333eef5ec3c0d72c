import { useId, useRef, useState } from 'react';
import { useAppStore } from '../store/appStore';
import { serializeUrlState } from '../store/urlState';
import { embedSnippet, embedUrl } from '../domain/embed';

/**
 * "Intégrer la carte": a dialog that gives the `<iframe>` code showing this map, with the current
 * filters, in another site (a partner's or an organiser's page), and copies it.
 */
export function IntegrationDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [code, setCode] = useState('');
  const [copied, setCopied] = useState<'oui' | 'non' | null>(null);

  const open = () => {
    const { filters, view, edition } = useAppStore.getState();
    setCode(embedSnippet(embedUrl(window.location.href, serializeUrlState({ filters, selection: null, view, ...(edition !== null ? { edition } : {}) }))));
    setCopied(null);
    dialog.current?.showModal();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('oui');
    } catch {
      setCopied('non');
    }
  };

  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={open}>Intégrer la carte</button>
      <dialog ref={dialog} className="dialogue-integration" aria-labelledby={`${id}-titre`}>
        <h2 id={`${id}-titre`}>Intégrer la carte à un site</h2>
        <p>
          Collez ce code dans une page de votre site : la carte s'y affiche avec les filtres choisis ici, sans en-tête, et
          un lien « Ouvrir la carte en grand » mène à la carte complète.
        </p>
        <label htmlFor={`${id}-code`}>Code à coller</label>
        <textarea id={`${id}-code`} readOnly rows={5} value={code} onFocus={(e) => e.currentTarget.select()} />
        <p className="integration-actions">
          <button type="button" className="export-principal" onClick={() => void copy()}>Copier le code</button>
          <button type="button" onClick={() => dialog.current?.close()}>Fermer</button>
        </p>
        <p role="status" className="integration-etat">
          {copied === 'oui' ? 'Code copié.' : copied === 'non' ? 'La copie a été refusée par le navigateur : sélectionnez le code et copiez-le (Ctrl+C).' : ''}
        </p>
      </dialog>
    </>
  );
}
