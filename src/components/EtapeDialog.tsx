import { useEffect, useRef, type MouseEvent } from 'react';
import { useAppStore, type LoadedData } from '../store/appStore';
import { selectDepartements } from '../store/selectors';
import { etapePlace, formatDateFr } from '../domain/presentation';
import { useWorkerRows } from './hooks';
import { InnovationLinks } from './InnovationLinks';
import { ThemeTags } from './ThemeTags';

/**
 * A stop of the tour in a modal dialog: the browser keeps focus inside it and Escape closes it;
 * the map controller gives focus back to the stop's marker when the selection clears.
 */
export function EtapeDialog({ id, data }: { id: string; data: LoadedData }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const departements = useAppStore(selectDepartements);
  const etape = data.etapes.find((e) => e.properties.id === id);
  const presented = useWorkerRows(() => data.innovations.rowsAtEtape(id), id);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (!el.open) el.showModal();
    const onClose = () => {
      // Closed by Escape or the button: clear the selection, unless something else was chosen meanwhile.
      const current = useAppStore.getState().selection;
      if (current?.kind === 'etape' && current.id === id) useAppStore.getState().select(null);
    };
    el.addEventListener('close', onClose);
    return () => {
      el.removeEventListener('close', onClose);
      if (el.open) el.close();
    };
  }, [id]);

  // A click on the dimmed backdrop reaches the dialog element itself, outside its box: close.
  const closeOnBackdrop = (event: MouseEvent<HTMLDialogElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const outside = event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
    if (event.target === event.currentTarget && outside) event.currentTarget.close();
  };

  if (!etape) return null;
  const p = etape.properties;
  const departementNom = departements.get(p.departement)?.nom ?? p.departement;

  return (
    <dialog ref={dialog} className="dialogue-etape" aria-labelledby="etape-titre" onClick={closeOnBackdrop}>
      <div className="detail-entete">
        <div>
          <p className="detail-surtitre">La Route des Territoires — étape</p>
          <h2 id="etape-titre">{formatDateFr(p.date)} — {etapePlace(p, departementNom)}</h2>
        </div>
        <button type="button" className="bouton-fermer" onClick={() => dialog.current?.close()} aria-label="Fermer (Échap)" title="Fermer (Échap)">
          ×
        </button>
      </div>
      <dl className="faits">
        <dt>Date</dt><dd>{formatDateFr(p.date)}</dd>
        <dt>Lieu</dt><dd>{p.commune || 'Commune à préciser'}</dd>
        <dt>Département</dt><dd>{departementNom} ({p.departement})</dd>
      </dl>
      <h3>Sujet</h3>
      <p className="etape-sujet">{p.intitule || 'Sujet à venir'}</p>
      <h3>Thèmes</h3>
      <ThemeTags ids={p.themes} vocabulaire={data.vocabulaires.themes} vide="Thème à venir" />
      <h3>Innovations présentées</h3>
      {presented === null || presented.length > 0 ? (
        <InnovationLinks source={data.innovations} rows={presented} />
      ) : (
        <p className="discret">Aucune innovation rattachée à cette étape pour l'instant.</p>
      )}
    </dialog>
  );
}
