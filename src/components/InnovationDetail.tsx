import { useAppStore, type LoadedData } from '../store/appStore';
import { selectDepartements } from '../store/selectors';
import { departementLabel, formatCount, etapePlace, formatCoordinates, formatDateFr, placementLabel, safeWebUrl } from '../domain/presentation';
import { DetailHeading } from './DetailHeading';
import { ThemeTags } from './ThemeTags';
import { useInnovationById } from './hooks';
import { LaureatBadge } from './Trophees';

/** Everything known about one innovation; data text is rendered as text only. */
export function InnovationDetail({ id, data }: { id: string; data: LoadedData }) {
  const select = useAppStore((s) => s.select);
  const departements = useAppStore(selectDepartements);
  const found = useInnovationById(data.innovations, id);
  if (found.status !== 'trouvee') {
    return (
      <section className="detail">
        <DetailHeading surtitre="Innovation">{found.status === 'introuvable' ? 'Innovation introuvable' : 'Chargement…'}</DetailHeading>
        {found.status === 'introuvable' && <p>L'innovation « {id} » n'existe pas dans les données chargées.</p>}
      </section>
    );
  }
  const p = found.feature.properties;
  const etape = p.etape ? data.etapes.find((e) => e.properties.id === p.etape) : undefined;
  const url = safeWebUrl(p.site_web);
  const others = (data.innovations.totalsByDepartement.get(p.departement) ?? 1) - 1;

  return (
    <section className="detail" aria-labelledby="detail-innovation-titre">
      <DetailHeading surtitre="Innovation">
        <span id="detail-innovation-titre">{p.titre}</span>
      </DetailHeading>
      {p.trophee && <p className="detail-distinction"><LaureatBadge trophee={p.trophee} full /></p>}
      {p.description && <p className="description">{p.description}</p>}
      <dl className="faits">
        {p.porteur && (<><dt>Porteur</dt><dd>{p.porteur}</dd></>)}
        {p.commune && (<><dt>Commune</dt><dd>{p.commune}</dd></>)}
        <dt>Département</dt>
        <dd>
          <button type="button" className="lien-bouton" onClick={() => select({ kind: 'departement', id: p.departement })}>
            {departementLabel(p.departement, departements)}
          </button>
          {others > 0 && <span className="discret"> — {formatCount(others)} de plus</span>}
        </dd>
        <dt>Thèmes</dt><dd><ThemeTags ids={p.themes} vocabulaire={data.vocabulaires.themes} vide="Non précisé" /></dd>
        <dt>Secteurs</dt><dd><ThemeTags ids={p.secteurs} vocabulaire={data.vocabulaires.secteurs} vide="Non précisé" /></dd>
        {p.annee !== null && (<><dt>Année</dt><dd>{p.annee}</dd></>)}
        {url && (
          <>
            <dt>Site web</dt>
            <dd><a href={url} target="_blank" rel="noopener noreferrer">{url}<span className="visuellement-cache"> (nouvel onglet)</span></a></dd>
          </>
        )}
        {etape && (
          <>
            <dt>Présentée à l'étape</dt>
            <dd>
              <button type="button" className="lien-bouton" onClick={() => select({ kind: 'etape', id: etape.properties.id })}>
                {formatDateFr(etape.properties.date)} — {etapePlace(etape.properties, departements.get(etape.properties.departement)?.nom ?? etape.properties.departement)}
              </button>
            </dd>
          </>
        )}
        <dt>Position</dt>
        <dd>
          {placementLabel(p.position)}
          <br />
          <span className="discret">{formatCoordinates(p.longitude, p.latitude)}</span>
        </dd>
      </dl>
    </section>
  );
}
