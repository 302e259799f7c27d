import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeMyAssignmentsDocument } from '../../gql/graphql.ts';
import { Empty, ErrorState, Loading } from '../States.tsx';
import { actByOf, formatDate, openAssignments } from './homeData.ts';

/** The member's open training assignments; the training pages hold the rest. */
export function MyTraining() {
  const { t } = useTranslation('home');
  const { data, error, loading, refetch } = useQuery(HomeMyAssignmentsDocument, { errorPolicy: 'all' });
  const items = data ? openAssignments(data.myAssignments) : [];
  return (
    <section className="home-panel home-training" aria-labelledby="home-training-heading">
      <h2 id="home-training-heading">{t('training.heading')}</h2>
      {loading && !data ? <Loading /> : error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : items.length === 0 ? (
        <Empty>{t('training.empty')}</Empty>
      ) : (
        <table className="table table-stack home-training-table" aria-labelledby="home-training-heading">
          <thead>
            <tr>
              <th scope="col">{t('training.columns.course')}</th>
              <th scope="col">{t('training.columns.due')}</th>
              <th scope="col">{t('training.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => {
              const refresh = a.status === 'COMPLETED' && a.needsRefresh;
              const status = refresh ? 'REFRESH' : a.overdue ? 'OVERDUE' : a.status;
              const actBy = actByOf(a);
              return (
                <tr key={a.id}>
                  <th scope="row">{a.curriculum?.title ?? <span className="muted">{t('training.unavailable')}</span>}</th>
                  <td><time dateTime={actBy}>{formatDate(actBy, t('dateLocale'))}</time></td>
                  <td>
                    <span className={`badge ${status === 'OVERDUE' || status === 'REFRESH' ? 'badge-bad' : status === 'IN_PROGRESS' ? 'badge-ok' : 'badge-muted'}`}>
                      {t(`training.status.${status}`)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p><Link to="/training">{t('training:mine.all')}</Link></p>
    </section>
  );
}
