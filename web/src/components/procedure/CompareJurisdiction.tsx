import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ProcedureJurisdictionDiffDocument, ProcedurePeersDocument } from '../../gql/graphql.ts';
import type { ProcedureDiffFieldsFragment, Topic } from '../../gql/graphql.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import { FormSelect } from './FormSelect.tsx';
import { parseProcedureUrl, withParams } from './procedureUrl.ts';
import { SectionDiffView } from './SectionDiffView.tsx';

/** Another jurisdiction's procedure of the same topic, compared section by section and value by value. */
export function CompareJurisdiction({ procedureId, topic, jurisdictionCode }: { procedureId: string; topic: Topic; jurisdictionCode: string }) {
  const { t } = useTranslation('procedure');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const other = parseProcedureUrl(params).with;
  // Not written into the normalised cache: an answer that started before a publish on this page must not land after it
  // and turn this procedure's version back into what it was.
  const peers = useQuery(ProcedurePeersDocument, { variables: { topic }, fetchPolicy: 'no-cache' });
  const diff = useQuery(ProcedureJurisdictionDiffDocument, { variables: { left: procedureId, right: other ?? '' }, skip: !other });
  if (peers.loading && !peers.data) return <Loading />;
  if (peers.error && !peers.data) return <ErrorState error={peers.error} onRetry={() => void peers.refetch()} />;
  const options = (peers.data?.procedures.nodes ?? [])
    .filter((p) => p.id !== procedureId && p.jurisdiction.code !== jurisdictionCode)
    .map((p) => ({ id: p.id, label: `${p.jurisdiction.name} — ${p.title}` }));
  if (!options.length) return <Empty>{t('compare.none')}</Empty>;
  const result = diff.data?.diffProcedures;
  return (
    <>
      <FormSelect label={t('compare.pick')} options={options} value={other} placeholder={t('compare.placeholder')}
        onChange={(id) => navigate({ search: withParams(params, { with: id }), hash: 'compare' }, { replace: true, preventScrollReset: true })} />
      {other && (diff.loading && !result ? <Loading label={t('compare.loading')} />
        : diff.error && !result ? <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
        : result ? <JurisdictionDiff diff={result} /> : null)}
    </>
  );
}

function JurisdictionDiff({ diff }: { diff: ProcedureDiffFieldsFragment }) {
  const { t } = useTranslation('procedure');
  const left = diff.left;
  const right = diff.right;
  const keys = [...new Set([...left.dimensionValues, ...right.dimensionValues].map((d) => d.dimension.key))];
  const labelOf = (key: string) => [...left.dimensionValues, ...right.dimensionValues].find((d) => d.dimension.key === key)!.dimension.label;
  return (
    <div aria-live="polite" className="proc-compare">
      <p>
        {t('compare.between', { left: left.jurisdiction.name, right: right.jurisdiction.name })}{' '}
        <Link to={`/procedures/${encodeURIComponent(right.id)}`}>{t('compare.open', { title: right.title })}</Link>
      </p>
      {keys.length > 0 && (
        <div className="proc-scroll" role="region" aria-label={t('compare.valuesLabel')} tabIndex={0}>
          <table className="table proc-compare-table">
            <caption>{t('compare.valuesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('values.dimension')}</th>
                <th scope="col">{left.jurisdiction.name}</th>
                <th scope="col">{right.jurisdiction.name}</th>
                <th scope="col">{t('compare.sameColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => {
                const l = left.dimensionValues.find((d) => d.dimension.key === key);
                const r = right.dimensionValues.find((d) => d.dimension.key === key);
                const same = JSON.stringify(l?.value ?? null) === JSON.stringify(r?.value ?? null);
                return (
                  <tr key={key} className={same ? undefined : 'proc-differs'}>
                    <th scope="row">{labelOf(key)}</th>
                    <td>{l?.display ?? t('values.notSet')}</td>
                    <td>{r?.display ?? t('values.notSet')}</td>
                    <td>{same ? t('compare.same') : <strong>{t('compare.differs')}</strong>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <SectionDiffView diff={diff} withDimensions={false} beforeLabel={left.jurisdiction.name} afterLabel={right.jurisdiction.name} />
    </div>
  );
}
