import { useTranslation } from 'react-i18next';
import { formatDate } from './dates.ts';

const TONE: Record<string, string> = {
  IN_FORCE: 'badge-ok',
  DRAFT: 'badge-warn',
  SUPERSEDED: 'badge-muted',
  WITHDRAWN: 'badge-bad',
};

/** A version's status as a badge whose text says it (the colour only repeats it). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('procedure');
  return <span className={`badge ${TONE[status] ?? 'badge-muted'}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}

export function StatusBadges({ status, reviewStatus, lastVerifiedAt }: { status: string; reviewStatus: string; lastVerifiedAt: string | null | undefined }) {
  const { t } = useTranslation('procedure');
  return (
    <ul className="proc-badges" aria-label={t('badges.label')}>
      <li><StatusBadge status={status} /></li>
      {reviewStatus === 'NEEDS_REVIEW' && <li><span className="badge badge-bad">{t('status.NEEDS_REVIEW')}</span></li>}
      <li className="proc-verified">
        {lastVerifiedAt ? t('badges.lastVerified', { date: formatDate(lastVerifiedAt) }) : t('badges.neverVerified')}
      </li>
    </ul>
  );
}
