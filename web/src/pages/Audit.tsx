import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AuditFilterForm } from '../components/audit/AuditFilterForm.tsx';
import { AuditTable } from '../components/audit/AuditTable.tsx';
import { ChainPanel } from '../components/audit/ChainPanel.tsx';
import { activeFilterCount, apiFilter, parseAuditUrl, writeAuditUrl } from '../components/audit/auditUrl.ts';
import { checkRows } from '../components/audit/chain.ts';
import type { ChainCheck } from '../components/audit/chain.ts';
import { RoleGate } from '../components/RoleGate.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { AuditLogDocument } from '../gql/graphql.ts';
import { formatNumber } from '../i18n/format.ts';
import '../components/audit/audit.css';

export const AUDIT_PAGE_SIZE = 20;

export default function AuditPage() {
  const { t } = useTranslation('audit');
  usePageTitle(t('title'));
  return (
    <RoleGate role="AUDITOR" title={t('title')}>
      <AuditLog />
    </RoleGate>
  );
}

function AuditLog() {
  const { t } = useTranslation('audit');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const search = params.toString();
  const filters = useMemo(() => parseAuditUrl(search), [search]);
  // Keyset pagination: the cursors of the pages before this one (newest first), so "Newer" goes back exactly.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [search]);
  const after = cursors.at(-1) ?? null;
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogDocument, {
    variables: { filter: apiFilter(filters), first: AUDIT_PAGE_SIZE, after },
    fetchPolicy: 'network-only',
  });
  const log = (data ?? (loading ? previousData : undefined))?.auditLog;
  const [check, setCheck] = useState<ChainCheck | null>(null);
  useEffect(() => {
    setCheck(null);
    if (!data?.auditLog.nodes.length) return;
    let current = true;
    void checkRows(data.auditLog.nodes).then((c) => current && setCheck(c));
    return () => {
      current = false;
    };
  }, [data]);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const turnPage = (next: (string | null)[]) => {
    setCursors(next);
    summaryRef.current?.focus();
  };
  const page = cursors.length;
  const firstShown = (page - 1) * AUDIT_PAGE_SIZE + 1;

  return (
    <section className="page audit-page">
      <h1>{t('title')}</h1>
      <p className="audit-intro">{t('intro')}</p>
      <ChainPanel check={check} shown={data?.auditLog.nodes.length ?? 0} />
      <AuditFilterForm value={filters} onApply={(f) => navigate({ search: writeAuditUrl(f) })} onClear={() => navigate({ search: '' })} />
      <section aria-labelledby="audit-results" className="audit-results">
        <h2 id="audit-results">{t('results.heading')}</h2>
        <p ref={summaryRef} tabIndex={-1} className="audit-summary" role="status" aria-live="polite" data-testid="audit-summary">
          {loading ? t('results.loading')
            : log ? (log.nodes.length
              ? t('results.summary', { from: formatNumber(firstShown), to: formatNumber(firstShown + log.nodes.length - 1), total: formatNumber(log.totalCount), count: log.nodes.length })
              : '')
              : ''}
          {log && activeFilterCount(filters) > 0 && !loading ? ` ${t('results.filtered', { count: activeFilterCount(filters) })}` : ''}
        </p>
        {error && !log ? <ErrorState error={error} onRetry={() => void refetch()} />
          : !log ? <Loading label={t('results.loading')} />
            : log.nodes.length === 0 ? <Empty>{activeFilterCount(filters) ? t('results.emptyFiltered') : t('results.empty')}</Empty>
              : (
                <>
                  <AuditTable rows={log.nodes} />
                  <nav className="audit-pager" aria-label={t('pager.label')}>
                    <Button className="button" isDisabled={page === 1 || loading} onPress={() => turnPage(cursors.slice(0, -1))}>{t('pager.newer')}</Button>
                    <span className="muted">{t('pager.page', { page: formatNumber(page) })}</span>
                    <Button className="button" isDisabled={!log.pageInfo.hasNextPage || loading} onPress={() => turnPage([...cursors, log.pageInfo.endCursor ?? null])}>{t('pager.older')}</Button>
                  </nav>
                </>
              )}
      </section>
    </section>
  );
}
