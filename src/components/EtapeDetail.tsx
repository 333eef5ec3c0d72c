import { useAppStore, type LoadedData } from '../store/appStore';
import { selectDepartements } from '../store/selectors';
import { etapePlace, formatDateFr } from '../domain/presentation';
import { etapesInDateOrder } from '../domain/route';
import { DetailHeading } from './DetailHeading';
import { useWorkerRows } from './hooks';
import { InnovationLinks } from './InnovationLinks';
import { ThemeTags } from './ThemeTags';

/**
 * A stop of the tour, in the side panel like an innovation or a department (one pattern for one
 * gesture): the map and the stop stay in view. Escape or "Retour aux résultats" closes it; the
 * map controller gives focus back to the stop's marker when it was opened from there.
 */
export function EtapeDetail({ id, data }: { id: string; data: LoadedData }) {
  const departements = useAppStore(selectDepartements);
  const ordered = etapesInDateOrder(data.etapes);
  const rank = ordered.findIndex((e) => e.properties.id === id) + 1;
  const etape = ordered[rank - 1];
  const presented = useWorkerRows(() => data.innovations.rowsAtEtape(id), id);
  if (!etape) return null;
  const p = etape.properties;
  const departementNom = departements.get(p.departement)?.nom ?? p.departement;

  return (
    <section className="detail detail-etape" aria-labelledby="detail-etape-titre">
      <DetailHeading surtitre={`La Route des Territoires — étape ${rank} sur ${ordered.length}`}>
        <span id="detail-etape-titre">{formatDateFr(p.date)} — {etapePlace(p, departementNom)}</span>
      </DetailHeading>
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
    </section>
  );
}
