import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Checkbox, CheckboxGroup, FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorSentence } from '../api/errors.ts';
import { useMe } from '../api/useMe.ts';
import { ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate } from '../components/procedure/dates.ts';
import { ScopePicker } from '../components/training/ScopePicker.tsx';
import { TrainingNav } from '../components/training/TrainingNav.tsx';
import { isOpen, tierMismatch, unitPreview } from '../components/training/trainingData.ts';
import { TrainingAgencyMembersDocument, TrainingAssignDocument, TrainingCurriculumDocument } from '../gql/graphql.ts';
import type { TrainingAssignMutation } from '../gql/graphql.ts';
import '../components/procedure/procedure.css';
import '../components/training/training.css';

type Mode = 'members' | 'unit';
type Result = TrainingAssignMutation['assignCurriculum'];
const todayIso = () => new Date().toISOString().slice(0, 10);

/** TRAINER: assign a curriculum to chosen members of a unit, or to the whole unit, with a due date. */
export default function TrainingAssignPage() {
  const { t } = useTranslation('training');
  const { id = '' } = useParams();
  const { me, loading: meLoading } = useMe();
  const isTrainer = Boolean(me?.roles.includes('TRAINER'));
  const curriculumQuery = useQuery(TrainingCurriculumDocument, { variables: { id }, skip: !isTrainer });
  const curriculum = curriculumQuery.data?.curriculum;
  usePageTitle(t('assign.title'));
  if ((meLoading && !me) || (isTrainer && curriculumQuery.loading && !curriculum)) return <section className="page"><Loading /></section>;
  if (!isTrainer) {
    return (
      <section className="page page-narrow">
        <h1>{t('assign.title')}</h1>
        <p role="alert" className="state-error">{me ? t('assign.trainersOnly') : t('signInFirst')}</p>
        <p><Link to={`/training/curricula/${encodeURIComponent(id)}`}>{t('assign.back')}</Link></p>
      </section>
    );
  }
  if (!curriculum) {
    return (
      <section className="page page-narrow">
        <h1>{t('assign.title')}</h1>
        {curriculumQuery.error ? <ErrorState error={curriculumQuery.error} onRetry={() => void curriculumQuery.refetch()} />
          : <p role="alert" className="state-error">{t('curriculum.notFound')}</p>}
      </section>
    );
  }
  return (
    <section className="page training-page">
      <TrainingNav />
      <h1>{t('assign.title')}</h1>
      <p>
        <Link to={`/training/curricula/${encodeURIComponent(curriculum.id)}`} lang={curriculum.language}>{curriculum.title}</Link>
        {' · '}{t('assign.writtenFor', { audience: t(`audience.${curriculum.audience}`) })}
      </p>
      <AssignForm curriculum={curriculum} />
    </section>
  );
}

function AssignForm({ curriculum }: { curriculum: { id: string; title: string; audience: string } }) {
  const { t } = useTranslation('training');
  const [mode, setMode] = useState<Mode>('unit');
  const [scope, setScope] = useState<{ jurisdiction: string | null; agency: string | null }>({ jurisdiction: null, agency: null });
  const [chosen, setChosen] = useState<string[]>([]);
  const [allowMismatch, setAllowMismatch] = useState(false);
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const members = useQuery(TrainingAgencyMembersDocument, {
    variables: { agency: scope.agency ?? '', curriculum: curriculum.id },
    skip: !scope.agency,
    fetchPolicy: 'network-only',
  });
  const [assign, assigning] = useMutation(TrainingAssignDocument);
  const people = (members.data?.agency?.members ?? []).filter((m) => m.active);
  const open = new Set((members.data?.assignments.nodes ?? []).filter((a) => isOpen(a.status)).map((a) => a.assignee.id));
  const preview = unitPreview(people, curriculum.audience, open);
  const chosenMismatch = people.filter((m) => chosen.includes(m.id) && tierMismatch(curriculum.audience, m.tier));
  const needsOverride = curriculum.audience === 'MANAGER' && chosenMismatch.length > 0;
  const count = mode === 'unit' ? preview.toAssign.length : chosen.filter((c) => !open.has(c)).length;
  const tierName = (tier: string | null | undefined) => t(`tier.${tier ?? 'none'}`);
  const names = (list: readonly { displayName: string }[]) => new Intl.ListFormat(t('locale')).format(list.map((m) => m.displayName));

  const reset = () => { setConfirming(false); setResult(null); assigning.reset(); };
  const validate = (): boolean => {
    const found: Record<string, string> = {};
    if (!scope.agency) found.agency = t('assign.errors.unit');
    if (mode === 'members' && chosen.length === 0) found.members = t('assign.errors.members');
    if (mode === 'members' && needsOverride && !allowMismatch) found.members = t('assign.errors.mismatch');
    if (mode === 'unit' && scope.agency && members.data && preview.toAssign.length === 0) found.members = t('assign.errors.nobody');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) found.dueOn = t('assign.errors.dueOn');
    else if (dueOn < todayIso()) found.dueOn = t('assign.errors.past');
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  const review = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    if (validate()) setConfirming(true);
  };
  const confirm = async () => {
    const input = mode === 'unit'
      ? { curriculumId: curriculum.id, agencyId: scope.agency!, dueOn }
      : { curriculumId: curriculum.id, memberIds: chosen, dueOn, allowTierMismatch: needsOverride && allowMismatch };
    try {
      const answer = await assign({ variables: { input } });
      setResult(answer.data?.assignCurriculum ?? null);
      setConfirming(false);
      setChosen([]);
      void members.refetch();
    } catch {
      setConfirming(false);
    }
  };

  return (
    <form className="training-assign" onSubmit={review} noValidate>
      <RadioGroup className="field" value={mode} onChange={(v) => { setMode(v as Mode); setErrors({}); reset(); }}>
        <Label>{t('assign.mode')}</Label>
        <div className="training-radios">
          <Radio value="unit" className="training-radio">{t('assign.modeUnit')}</Radio>
          <Radio value="members" className="training-radio">{t('assign.modeMembers')}</Radio>
        </div>
      </RadioGroup>
      <ScopePicker jurisdiction={scope.jurisdiction} agency={scope.agency} agencyError={errors.agency}
        onChange={(s) => { setScope(s); setChosen([]); reset(); }} />
      {scope.agency && (members.loading && !members.data ? <Loading /> : members.error ? <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        : mode === 'unit' ? (
          <div className="training-preview" data-testid="unit-preview">
            <p><strong>{t('assign.preview.toAssign', { count: preview.toAssign.length })}</strong>{preview.toAssign.length > 0 && ` ${names(preview.toAssign)}.`}</p>
            {preview.alreadyAssigned.length > 0 && <p>{t('assign.preview.already', { count: preview.alreadyAssigned.length, names: names(preview.alreadyAssigned) })}</p>}
            {preview.outsideAudience.length > 0 && <p className="muted">{t('assign.preview.outside', { count: preview.outsideAudience.length, names: names(preview.outsideAudience) })}</p>}
            {errors.members && <p className="field-error" role="alert">{errors.members}</p>}
          </div>
        ) : (
          <CheckboxGroup className="field training-members" value={chosen} onChange={(v) => { setChosen(v); reset(); }}
            isInvalid={Boolean(errors.members)} validationBehavior="aria">
            <Label>{t('assign.members')}</Label>
            <Text slot="description" className="field-description">{t('assign.membersHelp', { audience: t(`audience.${curriculum.audience}`) })}</Text>
            {people.map((m) => {
              const mismatch = tierMismatch(curriculum.audience, m.tier);
              return (
                <Checkbox key={m.id} value={m.id} className="training-member">
                  <span className="training-check" aria-hidden="true" />
                  <span>{m.displayName}</span>
                  <span className={`badge ${mismatch ? 'badge-warn' : 'badge-muted'}`}>{tierName(m.tier)}</span>
                  {mismatch && <span className="training-warn">{t('assign.mismatch', { audience: t(`audience.${curriculum.audience}`) })}</span>}
                  {open.has(m.id) && <span className="training-note">{t('assign.alreadyOpen')}</span>}
                </Checkbox>
              );
            })}
            <FieldError className="field-error">{errors.members}</FieldError>
          </CheckboxGroup>
        ))}
      {mode === 'members' && chosenMismatch.length > 0 && (
        <div className="notice training-mismatch" role="status">
          <p>{t('assign.mismatchSummary', { count: chosenMismatch.length, names: names(chosenMismatch), audience: t(`audience.${curriculum.audience}`) })}</p>
          {needsOverride && (
            <Checkbox isSelected={allowMismatch} onChange={(v) => { setAllowMismatch(v); reset(); }} className="training-member">
              <span className="training-check" aria-hidden="true" />
              <span>{t('assign.allowMismatch')}</span>
            </Checkbox>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="assign-due">{t('assign.dueOn')}</label>
        <input id="assign-due" type="date" value={dueOn} min={todayIso()} aria-invalid={Boolean(errors.dueOn)}
          aria-describedby={errors.dueOn ? 'assign-due-error' : undefined} onChange={(e) => { setDueOn(e.target.value); reset(); }} />
        {errors.dueOn && <span id="assign-due-error" className="field-error">{errors.dueOn}</span>}
      </div>
      {!confirming && <Button type="submit" className="button button-primary">{t('assign.review')}</Button>}
      <div aria-live="polite">
        {confirming && (
          <div className="training-confirm" data-testid="assign-confirm">
            <p>{t('assign.confirmText', { count, title: curriculum.title, date: formatDate(dueOn, t('locale')) })}</p>
            <div className="training-row">
              <Button className="button button-primary" onPress={() => void confirm()} isDisabled={assigning.loading}>
                {t('assign.confirm', { count })}
              </Button>
              <Button className="button" onPress={() => setConfirming(false)}>{t('assign.change')}</Button>
            </div>
          </div>
        )}
        {assigning.error && <p role="alert" className="state-error">{errorSentence(assigning.error, t)}</p>}
        {result && (
          <div role="status" className="training-result">
            <p className="proc-success">{t('assign.done', { count: result.createdCount })}</p>
            {result.alreadyAssignedCount > 0 && <p>{t('assign.duplicates', { count: result.alreadyAssignedCount })}</p>}
          </div>
        )}
      </div>
    </form>
  );
}
