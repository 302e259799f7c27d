import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { FollowButton } from '../components/notifications/FollowButton.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { Recommendations } from '../components/workshops/Recommendations.tsx';
import { SwotGrid } from '../components/workshops/SwotGrid.tsx';
import { useFocusHeading } from '../components/workshops/useFocusHeading.ts';
import { formatDateRange, mayChangeStatus, mayVote } from '../components/workshops/workshops.ts';
import { WorkshopPageDocument, WorkshopViewerDocument } from '../gql/graphql.ts';
import type { WorkshopPageQuery } from '../gql/graphql.ts';
import '../components/procedure/procedure.css';
import '../components/workshops/workshops.css';

type Workshop = NonNullable<WorkshopPageQuery['workshop']>;

/** One workshop and what it left behind: key messages, the SWOT analysis with votes, and recommendations. */
export default function WorkshopPage() {
  const { t } = useTranslation('workshops');
  const { id = '' } = useParams();
  const { session } = useAuth();
  const { data, loading, error, refetch } = useQuery(WorkshopPageDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const viewer = useQuery(WorkshopViewerDocument, { skip: !session });
  const workshop = data?.workshop;
  usePageTitle(workshop?.title ?? t('page.title'));
  const heading = useFocusHeading(!loading || Boolean(workshop));

  if (loading && !workshop) return <section className="page"><Loading /></section>;
  if (!workshop) {
    return (
      <section className="page page-narrow">
        <h1 ref={heading} tabIndex={-1}>{t('page.title')}</h1>
        {error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : <p role="alert" className="state-error">{t('page.notFound')}</p>}
        {!session && <p><Link to={`/sign-in?next=${encodeURIComponent(`/workshops/${id}`)}`}>{t('page.signInToSee')}</Link></p>}
        <p><Link to="/workshops">{t('page.back')}</Link></p>
      </section>
    );
  }
  const me = viewer.data?.me ?? null;
  // The workshop's outputs keep the language they were written in, whatever the console speaks.
  const { language } = workshop;
  return (
    <article className="page ws-page">
      <p className="ws-kicker"><Link to="/workshops">{t('page.back')}</Link></p>
      <p className="ws-kicker">
        {workshop.series && <span lang={language}>{workshop.series} · </span>}
        {workshop.city.name}
      </p>
      <h1 ref={heading} tabIndex={-1} lang={language}>{workshop.title}</h1>
      <Facts workshop={workshop} />
      <FollowButton target={{ targetType: 'WORKSHOP', id: workshop.id }} />
      <p className="ws-summary" lang={language}>{workshop.summary}</p>
      <KeyMessages messages={workshop.keyMessages} language={language} />
      <SwotGrid items={workshop.swotItems} topics={workshop.topics} language={language} canVote={mayVote(me)} signedIn={Boolean(session)} onStale={() => refetch()} />
      <Recommendations recommendations={workshop.recommendations} language={language} mayChange={mayChangeStatus(me)} />
    </article>
  );
}

function Facts({ workshop }: { workshop: Workshop }) {
  const { t, i18n } = useTranslation('workshops');
  const rows: [string, React.ReactNode][] = [
    [t('facts.dates'), formatDateRange(workshop.startsOn, workshop.endsOn, i18n.language)],
    [t('facts.organiser'), workshop.organiser.name],
    [t('facts.topics'), workshop.topics.map((topic) => t(`common:topic.${topic}`)).join(', ')],
    [t('facts.participants'), t('facts.participantsValue', {
      count: workshop.participantCount,
      kinds: workshop.participantOrgKinds.map((k) => t(`orgKind.${k}`)).join(', '),
    })],
    [t('facts.report'), t(`report.${workshop.reportStatus}`)],
    [t('facts.visibility'), t(`common:visibility.${workshop.visibility}`)
      + (workshop.restrictedTo.length ? ` · ${t('facts.restrictedTo', { codes: workshop.restrictedTo.join(', ') })}` : '')],
  ];
  return (
    <dl className="proc-facts ws-facts">
      {rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}

function KeyMessages({ messages, language }: { messages: Workshop['keyMessages']; language: string }) {
  const { t } = useTranslation('workshops');
  return (
    <section aria-labelledby="ws-messages-title" className="ws-section">
      <h2 id="ws-messages-title">{t('messages.title')}</h2>
      {messages.length === 0 ? <p className="state state-empty">{t('messages.none')}</p> : (
        <ul className="ws-messages">
          {messages.map((m) => (
            <li key={m.id}>
              <figure>
                <blockquote lang={language}><p>{m.text}</p></blockquote>
                <figcaption className="muted">
                  {m.attribution ? <>— <span lang={language}>{m.attribution}</span></> : t('messages.unattributed')}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
