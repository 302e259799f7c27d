import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, FieldError, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorSentence } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate } from '../components/procedure/dates.ts';
import { ModuleList } from '../components/training/ModuleList.tsx';
import type { ModuleInfo } from '../components/training/ModuleList.tsx';
import { TrainingNav } from '../components/training/TrainingNav.tsx';
import { assignmentState, moduleState, parseScore, refreshReasons } from '../components/training/trainingData.ts';
import { TrainingMineDocument, TrainingRecordProgressDocument } from '../gql/graphql.ts';
import type { TrainingMineQuery } from '../gql/graphql.ts';
import '../components/procedure/procedure.css';
import '../components/training/training.css';

type Assignment = TrainingMineQuery['myAssignments'][number];

const BADGE: Record<string, string> = { REFRESH: 'badge-bad', OVERDUE: 'badge-bad', IN_PROGRESS: 'badge-ok', COMPLETED: 'badge-ok' };

/** The member's own assignments: due dates, status, each module's result (recorded here), refreshers and why. */
export default function TrainingMinePage() {
  const { t } = useTranslation('training');
  const { session } = useAuth();
  const { data, loading, error, refetch } = useQuery(TrainingMineDocument, { skip: !session, fetchPolicy: 'cache-and-network' });
  usePageTitle(t('mine.title'));
  if (!session) {
    return (
      <section className="page page-narrow">
        <h1>{t('mine.title')}</h1>
        <p><Link to="/sign-in?next=%2Ftraining">{t('signInFirst')}</Link></p>
      </section>
    );
  }
  const order = (a: Assignment) => ({ REFRESH: 0, OVERDUE: 1, IN_PROGRESS: 2, ASSIGNED: 3, COMPLETED: 4 } as Record<string, number>)[assignmentState(a)] ?? 5;
  const assignments = [...(data?.myAssignments ?? [])].filter((a) => a.status !== 'CANCELLED')
    .sort((a, b) => order(a) - order(b) || a.dueOn.localeCompare(b.dueOn));
  return (
    <section className="page training-page">
      <h1>{t('mine.title')}</h1>
      <TrainingNav />
      {loading && !data ? <Loading /> : error && !data ? <ErrorState error={error} onRetry={() => void refetch()} />
        : assignments.length === 0 ? <Empty>{t('mine.empty')}</Empty> : (
          <ul className="training-assignments">
            {assignments.map((a) => <li key={a.id}><AssignmentCard assignment={a} /></li>)}
          </ul>
        )}
    </section>
  );
}

function AssignmentCard({ assignment: a }: { assignment: Assignment }) {
  const { t } = useTranslation('training');
  const state = assignmentState(a);
  const headingId = `asg-${a.id}`;
  const modules = a.curriculum?.modules ?? [];
  const passed = modules.filter((m) => moduleState(m.id, a.progress) === 'PASSED').length;
  const open = a.status !== 'COMPLETED';
  const reasons = a.needsRefresh ? refreshReasons(a.completedOn, a.curriculum?.relatedProcedures ?? []) : [];
  return (
    <article className="training-assignment" aria-labelledby={headingId} data-assignment={a.id}>
      <h2 id={headingId}>
        {a.curriculum
          ? <Link to={`/training/curricula/${encodeURIComponent(a.curriculum.id)}`} lang={a.curriculum.language}>{a.curriculum.title}</Link>
          : <span className="muted">{t('mine.unavailable')}</span>}
      </h2>
      <dl className="training-facts">
        <div><dt>{t('mine.status')}</dt><dd><span className={`badge ${BADGE[state] ?? 'badge-muted'}`}>{t(`status.${state}`)}</span></dd></div>
        <div><dt>{t('mine.due')}</dt><dd><time dateTime={a.dueOn}>{formatDate(a.dueOn, t('locale'))}</time></dd></div>
        {a.completedOn && <div><dt>{t('mine.completedOn')}</dt><dd><time dateTime={a.completedOn}>{formatDate(a.completedOn, t('locale'))}</time></dd></div>}
        {a.refreshDueOn && <div><dt>{t('mine.refreshDue')}</dt><dd><time dateTime={a.refreshDueOn}>{formatDate(a.refreshDueOn, t('locale'))}</time></dd></div>}
        <div><dt>{t('mine.progress')}</dt><dd>{t('mine.modulesPassed', { passed, total: modules.length })}</dd></div>
      </dl>
      {a.needsRefresh && (
        <div className="notice training-refresh" data-testid="refresh-reason">
          <p><strong>{t('mine.refreshNeeded')}</strong></p>
          {reasons.length === 0 ? <p>{t('mine.refreshUnknown')}</p> : (
            <ul>
              {reasons.map((r) => (
                <li key={r.procedure.id}>
                  <Link to={`/procedures/${encodeURIComponent(r.procedure.id)}`} lang={r.procedure.language}>{r.procedure.title}</Link>{' '}
                  ({r.procedure.jurisdiction.name}){': '}
                  {r.kind === 'NEEDS_REVIEW' ? t('mine.reasonReview') : t('mine.reasonPublished', { version: r.version, date: formatDate(r.on, t('locale')) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {a.curriculum && (
        <details className="training-details" open={open}>
          <summary>{t('mine.modules')}</summary>
          <ModuleList modules={modules} language={a.curriculum.language}
            extra={(m) => <ModuleProgress assignment={a} module={m} canRecord={open} />} />
        </details>
      )}
    </article>
  );
}

/** One module's result, and (while the assignment is open) a form to record it; the API decides what passes. */
function ModuleProgress({ assignment, module: m, canRecord }: { assignment: Assignment; module: ModuleInfo; canRecord: boolean }) {
  const { t } = useTranslation('training');
  const state = moduleState(m.id, assignment.progress);
  const result = assignment.progress.find((p) => p.module.id === m.id);
  const scored = m.passMark !== null && m.passMark !== undefined;
  const [score, setScore] = useState(result?.score === null || result?.score === undefined ? '' : String(result.score));
  const [invalid, setInvalid] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [record, recording] = useMutation(TrainingRecordProgressDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const parsed = parseScore(score, scored);
    setInvalid(parsed.error ? t(`module.errors.${parsed.error}`) : null);
    if (parsed.error) return;
    try {
      await record({ variables: { assignmentId: assignment.id, moduleId: m.id, completed: true, score: parsed.score } });
      setSaved(true);
    } catch {
      // Shown below from the mutation's error.
    }
  };
  return (
    <div className="training-progress">
      <p>
        <span className={`badge ${state === 'PASSED' ? 'badge-ok' : state === 'FAILED' ? 'badge-bad' : 'badge-muted'}`}>{t(`module.state.${state}`)}</span>
        {result?.score !== null && result?.score !== undefined && <> {t('module.score', { score: result.score })}</>}
      </p>
      {canRecord && state !== 'PASSED' && (
        <form className="training-row" onSubmit={(e) => void submit(e)} noValidate aria-label={t('module.formLabel', { title: m.title })}>
          {scored && (
            <TextField className="field training-score" value={score} onChange={setScore} isInvalid={Boolean(invalid)} validationBehavior="aria" inputMode="numeric">
              <Label>{t('module.scoreLabel')}</Label>
              <Input />
              <FieldError className="field-error">{invalid}</FieldError>
            </TextField>
          )}
          <Button type="submit" className="button" isDisabled={recording.loading}>{t('module.record')}</Button>
        </form>
      )}
      <div aria-live="polite">
        {recording.error && <p role="alert" className="state-error">{errorSentence(recording.error, t)}</p>}
        {saved && !recording.error && <p className="proc-success">{t('module.saved')}</p>}
      </div>
    </div>
  );
}
