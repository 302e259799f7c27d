import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AuditHeadDocument } from '../../gql/graphql.ts';
import { currentLocale, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { ErrorState, Loading } from '../States.tsx';
import type { ChainCheck } from './chain.ts';

/**
 * The chain's state as a member can know it: the head (newest entry's position and hash) and the entries on screen
 * recomputed here. Signed checkpoints and the whole-chain verdict are not offered by the API (see the note shown).
 */
export function ChainPanel({ check, shown }: { check: ChainCheck | null; shown: number }) {
  const { t } = useTranslation('audit');
  const head = useQuery(AuditHeadDocument, { fetchPolicy: 'network-only' });
  const newest = head.data?.auditLog.nodes[0];
  return (
    <section className="audit-chain" aria-labelledby="audit-chain-heading">
      <h2 id="audit-chain-heading">{t('chain.heading')}</h2>
      <dl className="audit-chain-facts">
        <div>
          <dt>{t('chain.shownRows')}</dt>
          <dd><span data-testid="audit-verification" role="status" aria-live="polite">
            {shown === 0 ? t('chain.nothingShown')
              : !check ? t('chain.checking')
                : check.intact
                  ? <><span className="badge badge-ok">{t('chain.intact')}</span> {t('chain.intactDetail', { count: check.rows, linked: check.linked })}</>
                  : <><span className="badge badge-bad">{t('chain.broken')}</span> {t(`chain.brokenDetail.${check.problem}`, { seq: check.seq })}</>}
          </span></dd>
        </div>
        <div>
          <dt>{t('chain.head')}</dt>
          <dd data-testid="audit-head">
            {head.error && !head.data ? <ErrorState error={head.error} onRetry={() => void head.refetch()} />
              : !head.data ? <Loading />
                : newest
                  ? <>{t('chain.headDetail', { seq: newest.seq, at: formatDateTime(newest.at, currentLocale(), 'UTC'), total: formatNumber(head.data.auditLog.totalCount) })} <code className="audit-hash" title={newest.hash}>{newest.hash.slice(0, 16)}…</code></>
                  : t('chain.emptyLog')}
          </dd>
        </div>
        <div>
          <dt>{t('chain.checkpoint')}</dt>
          <dd data-testid="audit-checkpoint">{t('chain.checkpointUnavailable')}</dd>
        </div>
      </dl>
    </section>
  );
}
