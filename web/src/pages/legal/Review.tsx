import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Button, FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorSentence } from '../../api/errors.ts';
import { useMe } from '../../api/useMe.ts';
import { ContributionCard } from '../../components/legal/ContributionCard.tsx';
import { LegalNav } from '../../components/legal/LegalNav.tsx';
import { conflictReason, decisionError, frameworkPath, provisionAnchor, reviewStep } from '../../components/legal/legalLogic.ts';
import type { ActingMember } from '../../components/legal/legalLogic.ts';
import { useFocusOnArrival } from '../../components/legal/useFocusOnArrival.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LegalContributionsDocument, LegalDecideContributionDocument, LegalStartReviewDocument } from '../../gql/graphql.ts';
import type { ContributionRowFragment } from '../../gql/graphql.ts';
import '../../components/legal/legal.css';

interface Outcome { ok: boolean; text: string; link?: { to: string; label: string } }

/** The REVIEWER's queue: contributions waiting for a review, then those under review; start, accept or reject. */
export default function LegalReview() {
  const { t } = useTranslation('legal');
  usePageTitle(t('review.title'));
  const { me, loading: meLoading } = useMe();
  const isReviewer = !!me?.roles.includes('REVIEWER');
  const submitted = useQuery(LegalContributionsDocument, { variables: { filter: { status: 'SUBMITTED' } }, skip: !isReviewer, fetchPolicy: 'cache-and-network' });
  const underReview = useQuery(LegalContributionsDocument, { variables: { filter: { status: 'UNDER_REVIEW' } }, skip: !isReviewer, fetchPolicy: 'cache-and-network' });
  const heading = useFocusOnArrival<HTMLHeadingElement>(true);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const member: ActingMember | null = me ? { id: me.id, roles: me.roles, agencyId: me.agency.id } : null;
  const refresh = () => Promise.all([submitted.refetch(), underReview.refetch()]);

  let body;
  if (meLoading && !me) body = <Loading />;
  else if (!isReviewer) body = <p role="alert" className="state-error">{t('review.notReviewer')}</p>;
  else {
    const error = submitted.error ?? underReview.error;
    const waiting = submitted.data?.contributions.nodes;
    const open = underReview.data?.contributions.nodes;
    if ((!waiting || !open) && error) body = <ErrorState error={error} onRetry={() => void refresh()} />;
    else if (!waiting || !open) body = <Loading />;
    else {
      body = (
        <>
          <QueueSection id="review-waiting" title={t('review.waiting', { count: waiting.length })} empty={t('review.noneWaiting')}>
            {waiting.map((c) => <ReviewItem key={c.id} c={c} member={member} onOutcome={setOutcome} refresh={refresh} />)}
          </QueueSection>
          <QueueSection id="review-open" title={t('review.open', { count: open.length })} empty={t('review.noneOpen')}>
            {open.map((c) => <ReviewItem key={c.id} c={c} member={member} onOutcome={setOutcome} refresh={refresh} />)}
          </QueueSection>
        </>
      );
    }
  }
  return (
    <section className="page legal-page">
      <h1 ref={heading} tabIndex={-1}>{t('review.title')}</h1>
      <LegalNav />
      <p className="legal-intro">{t('review.intro')}</p>
      <div aria-live="polite">
        {outcome && (
          <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'notice' : 'state-error'} data-testid="review-outcome">
            {outcome.text}{outcome.link && <> <Link to={outcome.link.to}>{outcome.link.label}</Link></>}
          </p>
        )}
      </div>
      {body}
    </section>
  );
}

function QueueSection({ id, title, empty, children }: { id: string; title: string; empty: string; children: React.ReactNode[] }) {
  return (
    <section aria-labelledby={id} className="legal-queue">
      <h2 id={id}>{title}</h2>
      {children.length === 0 ? <Empty>{empty}</Empty> : children}
    </section>
  );
}

function ReviewItem({ c, member, onOutcome, refresh }: {
  c: ContributionRowFragment; member: ActingMember | null; onOutcome(o: Outcome | null): void; refresh(): Promise<unknown>;
}) {
  const { t } = useTranslation('legal');
  const state = { status: c.status, authorId: c.author.id, authorAgencyId: c.authorAgencyId };
  const step = reviewStep(member, state);
  const conflict = conflictReason(c.reviewConflict);
  const [start, starting] = useMutation(LegalStartReviewDocument);
  const [decide, deciding] = useMutation(LegalDecideContributionDocument);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const target = c.provision ? `${c.framework?.shortTitle ?? ''}, ${c.provision.reference}` : c.framework?.shortTitle ?? '';
  const reasonId = `conflict-${c.id}`;

  const run = async (action: () => Promise<{ data?: unknown }>, success: (r: ContributionRowFragment | undefined) => Outcome) => {
    onOutcome(null);
    try {
      const result = await action() as { data?: { startReview?: ContributionRowFragment; decideContribution?: ContributionRowFragment } };
      const after = result.data?.decideContribution ?? result.data?.startReview;
      await refresh();
      onOutcome(success(after));
    } catch (e) {
      onOutcome({ ok: false, text: errorSentence(e, t) });
    }
  };
  const decideWith = (decision: 'ACCEPT' | 'REJECT') => {
    const problem = decisionError(decision, reason);
    setReasonError(problem ? t(problem) : null);
    if (problem) return;
    void run(() => decide({ variables: { id: c.id, decision, reason: reason.trim() || null } }), (after) => {
      if (decision === 'REJECT') return { ok: true, text: t('review.rejected', { target }) };
      const version = after?.resultingVersion;
      return {
        ok: true,
        text: version ? t('review.acceptedVersion', { target, version }) : t('review.accepted', { target }),
        link: c.framework ? { to: `${frameworkPath(c.framework.id)}${c.provision ? `#${provisionAnchor(c.provision.id)}` : ''}`, label: t('review.see', { title: c.framework.shortTitle }) } : undefined,
      };
    });
  };

  return (
    <ContributionCard c={c} sideBySide>
      {step && (
        <div className="legal-review-actions">
          {conflict && ('key' in conflict
            ? <p id={reasonId} className="legal-conflict">{t(`review.conflict.${conflict.key}`)}</p>
            : <p id={reasonId} className="legal-conflict" lang="en">{conflict.sentence}</p>)}
          {step === 'start' && (
            <Button className="button button-primary" isDisabled={!!conflict || starting.loading} aria-describedby={conflict ? reasonId : undefined}
              onPress={() => void run(() => start({ variables: { id: c.id } }), () => ({ ok: true, text: t('review.started', { target }) }))}>
              {t('review.start')}
            </Button>
          )}
          {step === 'decide' && (
            <form className="legal-decide" onSubmit={(e) => e.preventDefault()} aria-label={t('review.decideLabel', { target })} noValidate>
              <TextField className="field" value={reason} onChange={setReason} isInvalid={!!reasonError} validationBehavior="aria" isDisabled={!!conflict}>
                <Label>{t('review.reason')}</Label>
                <TextArea rows={2} />
                <Text slot="description" className="field-description">{t('review.reasonHelp')}</Text>
                <FieldError className="field-error">{reasonError}</FieldError>
              </TextField>
              <div className="legal-form-buttons">
                <Button className="button button-primary" isDisabled={!!conflict || deciding.loading} aria-describedby={conflict ? reasonId : undefined} onPress={() => decideWith('ACCEPT')}>{t('review.accept')}</Button>
                <Button className="button" isDisabled={!!conflict || deciding.loading} aria-describedby={conflict ? reasonId : undefined} onPress={() => decideWith('REJECT')}>{t('review.reject')}</Button>
              </div>
            </form>
          )}
        </div>
      )}
    </ContributionCard>
  );
}
