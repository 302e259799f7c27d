import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { errorSentence } from '../../api/errors.ts';
import { useMe } from '../../api/useMe.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { ContributionCard } from '../../components/legal/ContributionCard.tsx';
import { LegalNav } from '../../components/legal/LegalNav.tsx';
import { canWithdraw } from '../../components/legal/legalLogic.ts';
import { useFocusOnArrival } from '../../components/legal/useFocusOnArrival.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LegalContributionsDocument, LegalWithdrawContributionDocument } from '../../gql/graphql.ts';
import '../../components/legal/legal.css';

/** "My contributions": what the member proposed, with its status; undecided ones can be withdrawn. */
export default function LegalContributions() {
  const { t } = useTranslation('legal');
  usePageTitle(t('contributions.title'));
  const { session } = useAuth();
  const { me } = useMe();
  const location = useLocation();
  const submitted = (location.state as { submitted?: string } | null)?.submitted ?? null;
  const { data, loading, error, refetch } = useQuery(LegalContributionsDocument, {
    variables: { filter: { mine: true } }, skip: !session, fetchPolicy: 'cache-and-network',
  });
  const heading = useFocusOnArrival<HTMLHeadingElement>(true);
  const [withdraw, withdrawing] = useMutation(LegalWithdrawContributionDocument);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(submitted ? { ok: true, text: t('contributions.sent') } : null);
  const member = me ? { id: me.id, roles: me.roles, agencyId: me.agency.id } : null;
  const list = data?.contributions;
  return (
    <section className="page legal-page">
      <h1 ref={heading} tabIndex={-1}>{t('contributions.title')}</h1>
      <LegalNav />
      <p className="legal-intro">{t('contributions.intro')} <Link to="/legal">{t('contributions.find')}</Link></p>
      <div aria-live="polite">
        {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice' : 'state-error'}>{message.text}</p>}
      </div>
      {!session ? <p><Link to="/sign-in?next=%2Flegal%2Fcontributions">{t('contribute.signIn')}</Link></p>
        : loading && !list ? <Loading />
        : error && !list ? <ErrorState error={error} onRetry={() => void refetch()} />
        : !list || list.nodes.length === 0 ? <Empty>{t('contributions.empty')}</Empty> : (
          <>
            <p className="legal-count">{t('contributions.count', { count: list.totalCount })}</p>
            {list.nodes.map((c) => (
              <ContributionCard key={c.id} c={c}>
                {canWithdraw(member, { status: c.status, authorId: c.author.id, authorAgencyId: c.authorAgencyId }) && (
                  <Button className="button" isDisabled={withdrawing.loading} onPress={() => {
                    setMessage(null);
                    withdraw({ variables: { id: c.id } })
                      .then(() => setMessage({ ok: true, text: t('contributions.withdrawnOk') }))
                      .catch((e: unknown) => setMessage({ ok: false, text: errorSentence(e, t) }));
                  }}>
                    {t('contributions.withdraw')}
                  </Button>
                )}
              </ContributionCard>
            ))}
          </>
        )}
    </section>
  );
}
