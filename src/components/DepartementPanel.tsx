import { useMemo } from 'react';
import { useAppStore, type LoadedData } from '../store/appStore';
import { innovationCriteriaKey, selectDepartements, selectMatchedCount } from '../store/selectors';
import { formatCount, formatDate } from '../domain/presentation';
import { etapesInDateOrder } from '../domain/route';
import { DetailHeading } from './DetailHeading';
import { useT, useWorkerRows } from './hooks';
import { InnovationLinks } from './InnovationLinks';

/** A selected department: facts, its innovations (those the filters keep) and its stops. */
export function DepartementPanel({ code, data }: { code: string; data: LoadedData }) {
  const select = useAppStore((s) => s.select);
  const w = useT();
  const { t } = w;
  const info = useAppStore(selectDepartements).get(code);
  // Asked again whenever the worker has answered new filters.
  const answered = useAppStore((s) => (s.results ? `${s.results.generation}:${innovationCriteriaKey(s.results.filters)}` : null));
  const ready = useAppStore(selectMatchedCount) !== null;
  const source = data.innovations;
  const rows = useWorkerRows(ready ? () => source.rowsInDepartement(code) : null, `${code}|${answered}`);
  const total = source.totalsByDepartement.get(code) ?? 0;
  const etapes = useMemo(() => etapesInDateOrder(data.etapes.filter((e) => e.properties.departement === code)), [data, code]);
  const hidden = rows ? total - rows.length : 0;

  return (
    <section className="detail" aria-labelledby="detail-departement-titre">
      <DetailHeading surtitre={t('detail.departementTitle')}>
        <span id="detail-departement-titre">{info?.nom ?? code}</span>
      </DetailHeading>
      <dl className="faits">
        <dt>{t('detail.code')}</dt><dd>{code}</dd>
        {info && (<><dt>{t('detail.region')}</dt><dd>{info.region_nom}</dd></>)}
      </dl>

      <h3>
        {rows ? formatCount(rows.length, w) : t('detail.innovations')}
        {hidden > 0 && <span className="discret">{t('detail.hidden', { count: hidden })}</span>}
      </h3>
      {rows && rows.length === 0 ? (
        <p className="discret">{t(total > 0 ? 'detail.noneMatching' : 'detail.noneListed')}</p>
      ) : (
        <InnovationLinks source={source} rows={rows} themes={data.vocabulaires.themes} />
      )}

      <h3>{t('detail.stopsTitle')}</h3>
      {etapes.length > 0 ? (
        <ul className="liste-detail">
          {etapes.map((e) => (
            <li key={e.properties.id}>
              <button type="button" className="lien-bouton" onClick={() => select({ kind: 'etape', id: e.properties.id })}>
                {formatDate(e.properties.date, w.lang)}{e.properties.commune ? ` — ${e.properties.commune}` : ''}
              </button>
              {e.properties.intitule && <div className="discret">{e.properties.intitule}</div>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="discret">{t('detail.noStop')}</p>
      )}
    </section>
  );
}
