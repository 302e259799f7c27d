import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeNeedsReviewDocument } from '../../gql/graphql.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import { formatDate, needingReview } from './homeData.ts';

/** Procedures of the member's jurisdiction marked NEEDS_REVIEW (a provision they cite was amended). */
export function NeedsReview({ jurisdiction }: { jurisdiction: { code: string; name: string } }) {
  const { t } = useTranslation('home');
  const { t: common } = useTranslation();
  const { data, error, loading, refetch } = useQuery(HomeNeedsReviewDocument, {
    variables: { jurisdictions: [jurisdiction.code] },
    errorPolicy: 'all',
    fetchPolicy: 'cache-and-network',
  });
  const items = data ? needingReview(data.procedures.nodes, jurisdiction.code) : [];
  return (
    <section className="home-panel home-review" aria-labelledby="home-review-heading">
      <h2 id="home-review-heading">{t('review.heading', { jurisdiction: jurisdiction.name })}</h2>
      <p className="muted">{t('review.intro')}</p>
      {loading && !data ? <Loading /> : error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : items.length === 0 ? (
        <Empty>{t('review.empty', { jurisdiction: jurisdiction.name })}</Empty>
      ) : (
        <ul className="home-list" data-testid="needs-review">
          {items.map((p) => (
            <li key={p.id}>
              <Link to={`/procedures/${encodeURIComponent(p.id)}`} className="home-item-title">{p.title}</Link>
              <div className="home-meta">
                <span className="badge badge-warn">{t('review.badge')}</span>
                <span>{common(`topic.${p.topic}`)}</span>
                <span>{p.lastVerifiedAt
                  ? <time dateTime={p.lastVerifiedAt}>{t('review.lastVerified', { date: formatDate(p.lastVerifiedAt, t('dateLocale')) })}</time>
                  : t('review.neverVerified')}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
