import { useAppStore, type LoadedData } from '../store/appStore';
import { selectDepartements, selectEditionEtapes } from '../store/selectors';
import { etapePlace, formatDate } from '../domain/presentation';
import { etapesInDateOrder } from '../domain/route';
import { DetailHeading } from './DetailHeading';
import { useT, useWorkerRows } from './hooks';
import { InnovationLinks } from './InnovationLinks';
import { ThemeTags } from './ThemeTags';

/**
 * A stop of the tour, in the side panel like an innovation or a department (one pattern for one
 * gesture): the map and the stop stay in view. Escape or "Retour aux résultats" closes it; the
 * map controller gives focus back to the stop's marker when it was opened from there.
 */
export function EtapeDetail({ id, data }: { id: string; data: LoadedData }) {
  const departements = useAppStore(selectDepartements);
  const { t, lang } = useT();
  // Numbered as its badge on the map: among the stops of the edition shown (all of them when the
  // stop is of another edition, opened from an old link).
  const shown = useAppStore(selectEditionEtapes);
  const ordered = etapesInDateOrder(shown.some((e) => e.properties.id === id) ? shown : data.etapes);
  const rank = ordered.findIndex((e) => e.properties.id === id) + 1;
  const etape = ordered[rank - 1];
  const presented = useWorkerRows(() => data.innovations.rowsAtEtape(id), id);
  if (!etape) return null;
  const p = etape.properties;
  const departementNom = departements.get(p.departement)?.nom ?? p.departement;

  return (
    <section className="detail detail-etape" aria-labelledby="detail-etape-titre">
      <DetailHeading surtitre={t('detail.stopOf', { rank, total: ordered.length })}>
        <span id="detail-etape-titre">{formatDate(p.date, lang)} — {etapePlace(p, departementNom)}</span>
      </DetailHeading>
      <dl className="faits">
        <dt>{t('detail.date')}</dt><dd>{formatDate(p.date, lang)}</dd>
        <dt>{t('detail.place')}</dt><dd>{p.commune || t('detail.communeUnknown')}</dd>
        <dt>{t('detail.departement')}</dt><dd>{departementNom} ({p.departement})</dd>
      </dl>
      <h3>{t('detail.subject')}</h3>
      <p className="etape-sujet">{p.intitule || t('detail.subjectUnknown')}</p>
      <h3>{t('detail.themes')}</h3>
      <ThemeTags ids={p.themes} vocabulaire={data.vocabulaires.themes} vide={t('detail.themeUnknown')} />
      <h3>{t('detail.presented')}</h3>
      {presented === null || presented.length > 0 ? (
        <InnovationLinks source={data.innovations} rows={presented} />
      ) : (
        <p className="discret">{t('detail.noPresented')}</p>
      )}
    </section>
  );
}
