import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ProcedureVersionDiffDocument } from '../../gql/graphql.ts';
import { ErrorState, Loading } from '../States.tsx';
import { formatDate } from './dates.ts';
import { FormSelect } from './FormSelect.tsx';
import { parseProcedureUrl, versionsToCompare, withParams } from './procedureUrl.ts';
import { SectionDiffView } from './SectionDiffView.tsx';

interface VersionInfo { version: number; status: string; effectiveFrom?: string | null }

/** "What changed" between any two versions: two selects (kept in the URL) and the API's diff, word by word. */
export function WhatChanged({ procedureId, versions }: { procedureId: string; versions: readonly VersionInfo[] }) {
  const { t } = useTranslation('procedure');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const pair = versionsToCompare(parseProcedureUrl(params), versions.map((v) => v.version));
  const { data, loading, error, refetch } = useQuery(ProcedureVersionDiffDocument, {
    variables: { id: procedureId, from: pair?.from ?? 0, to: pair?.to ?? 0 },
    skip: !pair,
  });
  if (!pair) return <p>{t('diff.oneVersion')}</p>;
  const options = [...versions].sort((a, b) => b.version - a.version).map((v) => ({
    id: String(v.version),
    label: [t('history.version', { version: v.version }), t(`status.${v.status}`), v.effectiveFrom ? formatDate(v.effectiveFrom) : null]
      .filter(Boolean).join(' · '),
  }));
  const choose = (key: 'from' | 'to') => (id: string) => {
    navigate({ search: withParams(params, { from: key === 'from' ? id : pair.from, to: key === 'to' ? id : pair.to }), hash: 'what-changed' }, { replace: true, preventScrollReset: true });
  };
  const diff = data?.procedure?.diff;
  return (
    <>
      <div className="proc-diff-pickers">
        <FormSelect label={t('diff.from')} options={options} value={String(pair.from)} onChange={choose('from')} />
        <FormSelect label={t('diff.to')} options={options} value={String(pair.to)} onChange={choose('to')} />
      </div>
      {loading && !diff ? <Loading label={t('diff.loading')} />
        : error && !diff ? <ErrorState error={error} onRetry={() => void refetch()} />
        : diff ? (
          <div aria-live="polite">
            <p className="proc-diff-summary">{t('diff.summary', { count: diff.changedCount, from: pair.from, to: pair.to })}</p>
            <SectionDiffView diff={diff}
              beforeLabel={t('diff.versionSide', { version: pair.from })} afterLabel={t('diff.versionSide', { version: pair.to })} />
          </div>
        ) : null}
    </>
  );
}
