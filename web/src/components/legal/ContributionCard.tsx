import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContributionRowFragment } from '../../gql/graphql.ts';
import { DiffText } from '../diff/DiffText.tsx';
import { diffWords } from '../diff/wordDiff.ts';
import { formatDate } from '../procedure/dates.ts';
import { dateLocale, frameworkPath, provisionAnchor } from './legalLogic.ts';

const TONE: Record<string, string> = { SUBMITTED: 'badge-warn', UNDER_REVIEW: 'badge-warn', ACCEPTED: 'badge-ok', REJECTED: 'badge-bad', WITHDRAWN: 'badge-muted' };

export function ContributionStatus({ status }: { status: string }) {
  const { t } = useTranslation('legal');
  return <span className={`badge ${TONE[status] ?? 'badge-muted'}`} data-status={status}>{t(`contributionStatus.${status}`)}</span>;
}

/**
 * One contribution: what it is about, its status and dates, the rationale, and the proposed text — for an amendment
 * side by side with the provision's current text, word by word (`sideBySide`), otherwise as written.
 */
export function ContributionCard({ c, sideBySide = false, children }: { c: ContributionRowFragment; sideBySide?: boolean; children?: ReactNode }) {
  const { t, i18n } = useTranslation('legal');
  const date = (d: string | null | undefined) => (d ? formatDate(d, dateLocale(i18n.language)) : '');
  const amendment = c.kind === 'AMENDMENT' && c.provision;
  const parts = useMemo(() => (amendment && sideBySide ? diffWords(c.provision!.text, c.proposedText) : null), [amendment, sideBySide, c.provision, c.proposedText]);
  const target = c.provision
    ? `${c.framework?.shortTitle ?? ''}, ${c.provision.reference}`
    : c.framework?.shortTitle ?? t('contributions.unknownTarget');
  const href = c.framework ? `${frameworkPath(c.framework.id)}${c.provision ? `#${provisionAnchor(c.provision.id)}` : ''}` : null;
  return (
    <article className="legal-contribution" aria-labelledby={`contribution-${c.id}`} data-contribution={c.id}>
      <h3 id={`contribution-${c.id}`}>
        {t(`contributionKind.${c.kind}`)}: {href ? <Link to={href}>{target}</Link> : target} <ContributionStatus status={c.status} />
      </h3>
      <p className="muted">
        {t('contributions.submitted', { date: date(c.submittedAt), name: c.author.displayName })}
        {c.reviewStartedAt && ` · ${t('contributions.reviewStarted', { date: date(c.reviewStartedAt), name: c.reviewer?.displayName ?? '' })}`}
        {c.decidedAt && ` · ${t('contributions.decided', { date: date(c.decidedAt) })}`}
        {c.withdrawnAt && ` · ${t('contributions.withdrawn', { date: date(c.withdrawnAt) })}`}
      </p>
      <p><strong>{t('contributions.rationale')}</strong> <span lang="en">{c.rationale}</span></p>
      {c.decisionReason && <p><strong>{t('contributions.decisionReason')}</strong> <span lang="en">{c.decisionReason}</span></p>}
      {c.status === 'ACCEPTED' && c.resultingVersion && <p>{t('contributions.resulting', { version: c.resultingVersion })}</p>}
      {parts ? (
        <div className="legal-side-by-side" role="group" aria-label={t('review.sideBySide')}>
          <div>
            <p className="legal-side-label">{t('review.current', { version: c.provision!.version })}</p>
            <DiffText parts={parts} side="before" lang="en" />
          </div>
          <div>
            <p className="legal-side-label">{t('review.proposed')}</p>
            <DiffText parts={parts} side="after" lang="en" />
          </div>
        </div>
      ) : (
        <blockquote className="legal-proposed" lang="en">{c.proposedText}</blockquote>
      )}
      {children}
    </article>
  );
}
