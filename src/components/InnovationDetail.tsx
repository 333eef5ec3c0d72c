import { useAppStore, type LoadedData } from '../store/appStore';
import { selectDepartements } from '../store/selectors';
import { departementLabel, formatCount, etapePlace, formatCoordinates, formatDate, placementLabel, safeWebUrl } from '../domain/presentation';
import { DetailHeading } from './DetailHeading';
import { ThemeTags } from './ThemeTags';
import { useInnovationById, useT } from './hooks';
import { LaureatBadge } from './Trophees';

/** Everything known about one innovation; data text is rendered as text only. */
export function InnovationDetail({ id, data }: { id: string; data: LoadedData }) {
  const select = useAppStore((s) => s.select);
  const departements = useAppStore(selectDepartements);
  const found = useInnovationById(data.innovations, id);
  const w = useT();
  const { t } = w;
  if (found.status !== 'trouvee') {
    return (
      <section className="detail">
        <DetailHeading surtitre={t('detail.innovation')}>{found.status === 'introuvable' ? t('detail.notFound') : t('detail.loading')}</DetailHeading>
        {found.status === 'introuvable' && <p>{t('detail.notFoundText', { id })}</p>}
      </section>
    );
  }
  const p = found.feature.properties;
  const etape = p.etape ? data.etapes.find((e) => e.properties.id === p.etape) : undefined;
  const url = safeWebUrl(p.site_web);
  const others = (data.innovations.totalsByDepartement.get(p.departement) ?? 1) - 1;

  return (
    <section className="detail" aria-labelledby="detail-innovation-titre">
      <DetailHeading surtitre={t('detail.innovation')}>
        <span id="detail-innovation-titre">{p.titre}</span>
      </DetailHeading>
      {p.trophee && <p className="detail-distinction"><LaureatBadge trophee={p.trophee} full /></p>}
      {p.description && <p className="description">{p.description}</p>}
      <dl className="faits">
        {p.porteur && (<><dt>{t('detail.porteur')}</dt><dd>{p.porteur}</dd></>)}
        {p.commune && (<><dt>{t('detail.commune')}</dt><dd>{p.commune}</dd></>)}
        <dt>{t('detail.departement')}</dt>
        <dd>
          <button type="button" className="lien-bouton" onClick={() => select({ kind: 'departement', id: p.departement })}>
            {departementLabel(p.departement, departements)}
          </button>
          {others > 0 && <span className="discret">{t('detail.more', { count: formatCount(others, w) })}</span>}
        </dd>
        <dt>{t('detail.themes')}</dt><dd><ThemeTags ids={p.themes} vocabulaire={data.vocabulaires.themes} vide={t('detail.unspecified')} /></dd>
        <dt>{t('detail.secteurs')}</dt><dd><ThemeTags ids={p.secteurs} vocabulaire={data.vocabulaires.secteurs} vide={t('detail.unspecified')} /></dd>
        {p.annee !== null && (<><dt>{t('detail.annee')}</dt><dd>{p.annee}</dd></>)}
        {url && (
          <>
            <dt>{t('detail.website')}</dt>
            <dd><a href={url} target="_blank" rel="noopener noreferrer">{url}<span className="visuellement-cache">{t('detail.newTab')}</span></a></dd>
          </>
        )}
        {etape && (
          <>
            <dt>{t('detail.presentedAt')}</dt>
            <dd>
              <button type="button" className="lien-bouton" onClick={() => select({ kind: 'etape', id: etape.properties.id })}>
                {formatDate(etape.properties.date, w.lang)} — {etapePlace(etape.properties, departements.get(etape.properties.departement)?.nom ?? etape.properties.departement)}
              </button>
            </dd>
          </>
        )}
        <dt>{t('detail.position')}</dt>
        <dd>
          {placementLabel(p.position, w)}
          <br />
          <span className="discret">{formatCoordinates(p.longitude, p.latitude, w)}</span>
        </dd>
      </dl>
    </section>
  );
}
