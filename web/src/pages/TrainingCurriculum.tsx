import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../api/useMe.ts';
import { FollowButton } from '../components/notifications/FollowButton.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { ModuleList } from '../components/training/ModuleList.tsx';
import { TrainingNav } from '../components/training/TrainingNav.tsx';
import { TrainingCurriculumDocument } from '../gql/graphql.ts';
import type { TrainingCurriculumQuery } from '../gql/graphql.ts';
import '../components/training/training.css';

type Curriculum = NonNullable<TrainingCurriculumQuery['curriculum']>;

/** A curriculum: what it teaches, its modules, how long a completion counts, the procedures and laws it covers. */
export default function TrainingCurriculumPage() {
  const { t } = useTranslation('training');
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(TrainingCurriculumDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const curriculum = data?.curriculum;
  usePageTitle(curriculum?.title ?? t('curriculum.title'));
  if (loading && !curriculum) return <section className="page"><Loading /></section>;
  if (!curriculum) {
    return (
      <section className="page page-narrow">
        <h1>{t('curriculum.title')}</h1>
        {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <p role="alert" className="state-error">{t('curriculum.notFound')}</p>}
        <TrainingNav />
      </section>
    );
  }
  return (
    <article className="page training-page">
      <TrainingNav />
      <p className="training-kicker">{t(`audience.${curriculum.audience}`)} · {curriculum.ownerAgency.name}</p>
      <h1 lang={curriculum.language}>{curriculum.title}</h1>
      <AssignAction curriculum={curriculum} />
      <FollowButton target={{ targetType: 'CURRICULUM', id: curriculum.id }} />
      <p className="training-summary" lang={curriculum.language}>{curriculum.summary}</p>
      <Facts curriculum={curriculum} />
      <div className="training-columns">
        <div>
          <section aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">{t('curriculum.outcomes')}</h2>
            <ul lang={curriculum.language}>{curriculum.learningOutcomes.map((o) => <li key={o}>{o}</li>)}</ul>
          </section>
          <section aria-labelledby="modules-heading">
            <h2 id="modules-heading">{t('curriculum.modules')}</h2>
            <ModuleList modules={curriculum.modules} language={curriculum.language} />
          </section>
        </div>
        <aside aria-label={t('curriculum.linksLabel')}>
          <section aria-labelledby="procedures-heading">
            <h2 id="procedures-heading">{t('curriculum.procedures')}</h2>
            {curriculum.relatedProcedures.length === 0 ? <p className="muted">{t('curriculum.noProcedures')}</p> : (
              <ul>
                {curriculum.relatedProcedures.map((p) => (
                  <li key={p.id}><Link to={`/procedures/${encodeURIComponent(p.id)}`} lang={p.language}>{p.title}</Link> <span className="muted">· {p.jurisdiction.name}</span></li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="laws-heading">
            <h2 id="laws-heading">{t('curriculum.laws')}</h2>
            {curriculum.relatedLegalFrameworks.length === 0 ? <p className="muted">{t('curriculum.noLaws')}</p> : (
              <ul>
                {curriculum.relatedLegalFrameworks.map((f) => (
                  <li key={f.id}><Link to={`/items/LEGAL_FRAMEWORK/${encodeURIComponent(f.id)}`}>{f.shortTitle}</Link> <span className="muted">· {f.jurisdiction.name}</span></li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}

function Facts({ curriculum }: { curriculum: Curriculum }) {
  const { t } = useTranslation('training');
  const rows: [string, string][] = [
    [t('facts.audience'), t(`audience.${curriculum.audience}`)],
    [t('facts.validity'), t('facts.months', { count: curriculum.validityMonths })],
    [t('facts.hours'), new Intl.NumberFormat(t('locale'), { maximumFractionDigits: 1 }).format(curriculum.estimatedHours)],
    [t('facts.language'), new Intl.DisplayNames([t('locale')], { type: 'language' }).of(curriculum.language) ?? curriculum.language],
    [t('facts.visibility'), t(`common:visibility.${curriculum.visibility}`)],
    [t('facts.topics'), curriculum.topics.map((topic) => t(`common:topic.${topic}`)).join(', ')],
    [t('facts.version'), String(curriculum.version)],
  ];
  return (
    <dl className="training-facts">
      {rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}

/** Trainers assign from here; anyone else sees the action disabled, with the reason. */
function AssignAction({ curriculum }: { curriculum: Curriculum }) {
  const { t } = useTranslation('training');
  const { me } = useMe();
  const reasonId = useId();
  if (!me) return null;
  if (me.roles.includes('TRAINER')) {
    return <p className="training-actions"><Link className="button button-primary" to={`/training/curricula/${encodeURIComponent(curriculum.id)}/assign`}>{t('assign.open')}</Link></p>;
  }
  return (
    <p className="training-actions">
      <Button className="button" isDisabled aria-describedby={reasonId}>{t('assign.open')}</Button>{' '}
      <span id={reasonId} className="muted">{t('assign.trainersOnly')}</span>
    </p>
  );
}
