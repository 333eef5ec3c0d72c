import { useId, useRef, useState } from 'react';
import { useAppStore } from '../store/appStore';
import { serializeUrlState, urlStateOf } from '../store/urlState';
import { embedSnippet, embedUrl } from '../domain/embed';
import { useT } from './hooks';

/**
 * "Intégrer la carte": a dialog that gives the `<iframe>` code showing this map, with the current
 * filters, in another site (a partner's or an organiser's page), and copies it.
 */
export function IntegrationDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [code, setCode] = useState('');
  const [copied, setCopied] = useState<'oui' | 'non' | null>(null);
  const { t } = useT();

  const open = () => {
    // The embedded map speaks the language it was copied in; it opens on no selection.
    const query = serializeUrlState({ ...urlStateOf(useAppStore.getState()), selection: null, integration: undefined });
    setCode(embedSnippet(embedUrl(window.location.href, query), t('embed.frameTitle')));
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
      <button type="button" aria-haspopup="dialog" onClick={open}>{t('embed.button')}</button>
      <dialog ref={dialog} className="dialogue-integration" aria-labelledby={`${id}-titre`}>
        <h2 id={`${id}-titre`}>{t('embed.title')}</h2>
        <p>{t('embed.intro')}</p>
        <label htmlFor={`${id}-code`}>{t('embed.code')}</label>
        <textarea id={`${id}-code`} readOnly rows={5} value={code} onFocus={(e) => e.currentTarget.select()} />
        <p className="integration-actions">
          <button type="button" className="export-principal" onClick={() => void copy()}>{t('embed.copy')}</button>
          <button type="button" onClick={() => dialog.current?.close()}>{t('embed.close')}</button>
        </p>
        <p role="status" className="integration-etat">
          {copied === 'oui' ? t('embed.copied') : copied === 'non' ? t('embed.refused') : ''}
        </p>
      </dialog>
    </>
  );
}
