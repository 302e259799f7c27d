import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { TrainingNav } from '../components/training/TrainingNav.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { byAudience } from '../components/training/trainingData.ts';
import { TrainingCurriculaDocument } from '../gql/graphql.ts';
import '../components/training/training.css';

/** The curricula the member may see, grouped by the audience tier they are written for. */
export default function TrainingCurriculaPage() {
  const { t } = useTranslation('training');
  const { data, loading, error, refetch } = useQuery(TrainingCurriculaDocument, { fetchPolicy: 'cache-and-network' });
  usePageTitle(t('curricula.title'));
  const hours = new Intl.NumberFormat(t('locale'), { maximumFractionDigits: 1 });
  const groups = byAudience(data?.curricula.nodes ?? []);
  return (
    <section className="page training-page">
      <h1>{t('curricula.title')}</h1>
      <p className="muted">{t('curricula.intro')}</p>
      <TrainingNav />
      {loading && !data ? <Loading /> : error && !data ? <ErrorState error={error} onRetry={() => void refetch()} />
        : groups.length === 0 ? <Empty>{t('curricula.empty')}</Empty> : groups.map((g) => (
          <section key={g.audience} aria-labelledby={`audience-${g.audience}`} className="training-group">
            <h2 id={`audience-${g.audience}`}>{t(`audience.${g.audience}`)}</h2>
            <ul className="training-cards">
              {g.curricula.map((c) => (
                <li key={c.id} className="training-card">
                  <h3 lang={c.language}><Link to={`/training/curricula/${encodeURIComponent(c.id)}`}>{c.title}</Link></h3>
                  <p lang={c.language}>{c.summary}</p>
                  <p className="training-meta">
                    {t('curricula.meta', {
                      modules: c.modules.length, hours: hours.format(c.estimatedHours), months: c.validityMonths,
                      language: new Intl.DisplayNames([t('locale')], { type: 'language' }).of(c.language) ?? c.language,
                    })}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}
