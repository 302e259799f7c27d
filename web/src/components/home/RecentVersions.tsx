import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeRecentVersionsDocument } from '../../gql/graphql.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import { formatDate, recentVersions } from './homeData.ts';

/** The newest procedure versions the member may read, one per procedure. */
export function RecentVersions() {
  const { t } = useTranslation('home');
  const { t: common } = useTranslation();
  const { data, error, loading, refetch } = useQuery(HomeRecentVersionsDocument, { errorPolicy: 'all' });
  const procedures = data?.procedures;
  const items = procedures ? recentVersions(procedures.nodes) : [];
  return (
    <section className="home-panel home-recent" aria-labelledby="home-recent-heading">
      <h2 id="home-recent-heading">{t('recent.heading')}</h2>
      <p className="muted">{t('recent.intro')}</p>
      {loading && !procedures ? <Loading /> : error && !procedures ? <ErrorState error={error} onRetry={() => void refetch()} /> : items.length === 0 ? (
        <Empty>{t('recent.empty')}</Empty>
      ) : (
        <>
          <ol className="home-list" data-testid="recent-versions">
            {items.map((v) => (
              <li key={v.procedureId}>
                <Link to={`/procedures/${encodeURIComponent(v.procedureId)}`} className="home-item-title">{v.title}</Link>
                <div className="home-meta">
                  <span>{v.jurisdiction.name}</span>
                  <span>{common(`topic.${v.topic}`)}</span>
                  <span>{v.version === 1 ? t('recent.firstVersion') : t('recent.version', { version: v.version })}</span>
                  <span><time dateTime={v.publishedAt}>{t('recent.published', { date: formatDate(v.publishedAt, t('dateLocale')) })}</time></span>
                </div>
                {v.changeNote && <p className="home-note">{v.changeNote}</p>}
              </li>
            ))}
          </ol>
          {procedures && procedures.totalCount > procedures.nodes.length && (
            <p className="muted">{t('recent.limited', { shown: procedures.nodes.length, total: procedures.totalCount })}</p>
          )}
        </>
      )}
    </section>
  );
}
