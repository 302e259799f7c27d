import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useFocusHeading } from '../components/workshops/useFocusHeading.ts';
import { WorkshopsNav } from '../components/workshops/WorkshopsNav.tsx';
import { chronological, formatDateRange } from '../components/workshops/workshops.ts';
import { WorkshopListDocument } from '../gql/graphql.ts';
import '../components/workshops/workshops.css';

/** The workshops the member may see, in the order they were held, each with what it covered. */
export default function Workshops() {
  const { t, i18n } = useTranslation('workshops');
  usePageTitle(t('list.title'));
  const { session } = useAuth();
  const { data, loading, error, refetch } = useQuery(WorkshopListDocument, { fetchPolicy: 'cache-and-network' });
  const heading = useFocusHeading(true);
  const workshops = data ? chronological(data.workshops.nodes) : [];
  return (
    <section className="page ws-page">
      <h1 ref={heading} tabIndex={-1}>{t('list.title')}</h1>
      <WorkshopsNav />
      <p className="ws-intro">{t('list.intro')}</p>
      {!session && <p className="notice">{t('list.anonymous')} <Link to="/sign-in?next=%2Fworkshops">{t('list.signIn')}</Link></p>}
      {loading && !data ? <Loading /> : error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : workshops.length === 0 ? (
        <Empty>{t('list.none')}</Empty>
      ) : (
        <>
          <p role="status" className="muted">{t('list.count', { count: workshops.length })}</p>
          <ol className="ws-list">
            {workshops.map((w) => (
              <li key={w.id} className="ws-card" data-workshop={w.id}>
                <p className="ws-kicker">
                  {w.series && <span lang={w.language}>{w.series} · </span>}
                  {w.city.name} · {formatDateRange(w.startsOn, w.endsOn, i18n.language)}
                </p>
                <h2 className="ws-card-title"><Link to={`/workshops/${encodeURIComponent(w.id)}`} lang={w.language}>{w.title}</Link></h2>
                <p lang={w.language}>{w.theme}</p>
                <p className="ws-card-facts">
                  {w.topics.map((topic) => <span key={topic} className="badge badge-muted">{t(`common:topic.${topic}`)}</span>)}
                  <span className="badge badge-info">{t(`report.${w.reportStatus}`)}</span>
                  <span className="muted">{t('list.facts', { organiser: w.organiser.name, count: w.participantCount, visibility: t(`common:visibility.${w.visibility}`) })}</span>
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
