import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AuditChainDocument } from '../../gql/graphql.ts';
import type { AuditChainQuery } from '../../gql/graphql.ts';
import { currentLocale, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { ErrorState, Loading } from '../States.tsx';
import type { ChainCheck } from './chain.ts';

type Status = AuditChainQuery['auditChain'];

const utc = (at: string) => formatDateTime(at, currentLocale(), 'UTC');
const Hash = ({ value }: { value: string }) => <code className="audit-hash" title={value}>{value.slice(0, 16)}…</code>;

/**
 * The chain's state: the platform's verdict on the whole chain (walked against the signed checkpoints, at most
 * AUDIT_CHAIN_CACHE_SECONDS old), the latest checkpoint, and the entries on this page recomputed here, so that what
 * the auditor reads is what was hashed, whatever came between the database and this screen.
 */
export function ChainPanel({ check, shown }: { check: ChainCheck | null; shown: number }) {
  const { t } = useTranslation('audit');
  const chain = useQuery(AuditChainDocument, { fetchPolicy: 'network-only' });
  const status = chain.data?.auditChain;
  return (
    <section className="audit-chain" aria-labelledby="audit-chain-heading">
      <h2 id="audit-chain-heading">{t('chain.heading')}</h2>
      {chain.error && !status ? <ErrorState error={chain.error} onRetry={() => void chain.refetch()} />
        : !status ? <Loading label={t('chain.loading')} />
          : (
            <dl className="audit-chain-facts">
              <div>
                <dt>{t('chain.whole')}</dt>
                <dd><span data-testid="audit-chain-verdict" role="status" aria-live="polite"><Verdict status={status} /></span></dd>
              </div>
              <div>
                <dt>{t('chain.head')}</dt>
                <dd data-testid="audit-head">
                  {status.head ? <>{t('chain.headDetail', { seq: status.head.seq })} <Hash value={status.head.hash} /></>
                    : status.intact ? t('chain.emptyLog') : t('chain.noHead')}
                </dd>
              </div>
              <div>
                <dt>{t('chain.checkpoint')}</dt>
                <dd data-testid="audit-checkpoint"><Checkpoint status={status} /></dd>
              </div>
              <div>
                <dt>{t('chain.shownRows')}</dt>
                <dd><PageCheck check={check} shown={shown} /></dd>
              </div>
            </dl>
          )}
    </section>
  );
}

function Verdict({ status }: { status: Status }) {
  const { t } = useTranslation('audit');
  const checked = { at: utc(status.checkedAt), count: Number(status.rowsChecked), rows: formatNumber(Number(status.rowsChecked)) };
  if (status.intact) {
    return <><span className="badge badge-ok">{t('chain.intact')}</span> {t('chain.wholeIntact', checked)} {t('chain.anchors', { count: status.anchors })}</>;
  }
  const broken = status.firstBreak;
  return (
    <>
      <span className="badge badge-bad">{t('chain.broken')}</span> {t('chain.wholeBroken', { ...checked, seq: broken?.seq ?? '?' })}
      {broken && <> <span lang="en" className="audit-problem">{broken.problem}</span></>}
    </>
  );
}

function Checkpoint({ status }: { status: Status }) {
  const { t } = useTranslation('audit');
  const c = status.latestCheckpoint;
  return (
    <>
      {c ? (
        <>
          <span className={`badge ${c.verified ? 'badge-ok' : 'badge-bad'}`}>{t(c.verified ? 'chain.signed' : 'chain.unsigned')}</span>{' '}
          {t('chain.checkpointDetail', { seq: c.seq, at: utc(c.at) })} <Hash value={c.hash} />
        </>
      ) : t('chain.noCheckpoint')}
      {status.checkpointProblem && <span className="audit-checkpoint-problem">{t('chain.checkpointProblem')} <span lang="en">{status.checkpointProblem}</span></span>}
    </>
  );
}

function PageCheck({ check, shown }: { check: ChainCheck | null; shown: number }) {
  const { t } = useTranslation('audit');
  return (
    <span data-testid="audit-verification" role="status" aria-live="polite">
      {shown === 0 ? t('chain.nothingShown')
        : !check ? t('chain.checking')
          : check.intact
            ? <><span className="badge badge-ok">{t('chain.intact')}</span> {t('chain.intactDetail', { count: check.rows, linked: check.linked })}</>
            : <><span className="badge badge-bad">{t('chain.broken')}</span> {t(`chain.brokenDetail.${check.problem}`, { seq: check.seq })}</>}
    </span>
  );
}
