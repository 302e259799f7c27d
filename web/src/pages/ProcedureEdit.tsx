import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorCode, errorSentence } from '../api/errors.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { DimensionControl } from '../components/procedure/DimensionControl.tsx';
import { changedValues, draftValue } from '../components/procedure/dimensionDraft.ts';
import type { DimensionType, DraftValue } from '../components/procedure/dimensionDraft.ts';
import { FormSelect } from '../components/procedure/FormSelect.tsx';
import { canCreate, canEdit } from '../components/procedure/procedureAccess.ts';
import { contentChanges, contentOf, emptyContent, fieldMessages, parseCodes } from '../components/procedure/procedureForm.ts';
import type { ContentForm } from '../components/procedure/procedureForm.ts';
import { StatusBadge } from '../components/procedure/StatusBadges.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import {
  ProcedureCreateDocument, ProcedureDimensionsDocument, ProcedureForEditDocument, ProcedureSetDimensionValuesDocument,
  ProcedureUpdateDocument, ProcedureViewerDocument,
} from '../gql/graphql.ts';
import type { ProcedureDimensionFieldsFragment, ProcedureForEditQuery, Topic, Visibility } from '../gql/graphql.ts';
import '../components/procedure/procedure.css';

// Buttons are disabled while a write runs rather than marked pending: React Aria announces "pending" through a live
// region labelled by the button's id, which dangles once the page moves on (an axe violation).
const TOPICS: Topic[] = ['COMMUNICATION', 'MONITORING', 'INVESTIGATION'];
const VISIBILITIES: Visibility[] = ['PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT'];

/** A failed write as the form shows it: a sentence, the fields it names, and whether it was a CONFLICT. */
interface Failure { sentence: string; fields: Record<string, string>; conflict: boolean }

function failureOf(error: unknown, t: (key: string) => string): Failure {
  const code = errorCode(error);
  const fields = CombinedGraphQLErrors.is(error) ? fieldMessages(error.errors[0]?.extensions?.fields) : {};
  return { sentence: code === 'CONFLICT' ? t('edit.conflict') : errorSentence(error, t as never), fields, conflict: code === 'CONFLICT' };
}

export default function ProcedureEdit() {
  const { id } = useParams();
  return id ? <EditExisting id={id} /> : <CreateNew />;
}

function useActingMember() {
  const { session } = useAuth();
  const viewer = useQuery(ProcedureViewerDocument, { skip: !session });
  const me = viewer.data?.me;
  return { signedIn: Boolean(session), loading: viewer.loading, member: me ? { tier: me.tier, roles: me.roles, agency: me.agency } : null };
}

function CreateNew() {
  const { t } = useTranslation('procedure');
  usePageTitle(t('edit.createTitle'));
  const navigate = useNavigate();
  const { signedIn, loading, member } = useActingMember();
  const [topic, setTopic] = useState<Topic>('MONITORING');
  const [content, setContent] = useState<ContentForm>(emptyContent);
  const [values, setValues] = useState<Record<string, DraftValue>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [createProcedure, { loading: saving }] = useMutation(ProcedureCreateDocument);
  const dims = useQuery(ProcedureDimensionsDocument, { variables: { topic } });

  if (!signedIn) return <Refusal text={t('edit.signIn')} signIn="/procedures/new" />;
  if (loading && !member) return <section className="page"><Loading /></section>;
  if (!canCreate(member)) return <Refusal text={t('edit.cannotCreate')} />;

  const dimensions = dims.data?.comparisonDimensions ?? [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      const { data } = await createProcedure({
        variables: {
          input: {
            topic,
            title: content.title.trim(),
            summary: content.summary.trim(),
            body: content.body.trim(),
            language: content.language.trim(),
            visibility: content.visibility as Visibility,
            restrictedTo: parseCodes(content.restrictedTo),
            dimensionValues: toSend(changedValues({}, values, dimensions.map((d) => d.key)), dimensions).filter((v) => v.value !== null),
          },
        },
      });
      if (data) navigate(`/procedures/${encodeURIComponent(data.createProcedure.id)}`, { state: { created: true } });
    } catch (err) {
      setFailure(failureOf(err, t));
    }
  };
  return (
    <section className="page proc-edit">
      <h1>{t('edit.createTitle')}</h1>
      <p>{t('edit.createIntro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={failure ? 'proc-form-error' : undefined}>
        <FailureNote failure={failure} />
        <FormSelect label={t('edit.topic')} isRequired value={topic}
          options={TOPICS.map((x) => ({ id: x, label: t(`common:topic.${x}`) }))}
          onChange={(v) => { setTopic(v as Topic); setValues({}); }} />
        <ContentFields content={content} onChange={setContent} errors={failure?.fields ?? {}} />
        <fieldset className="proc-fieldset">
          <legend>{t('edit.valuesTitle')}</legend>
          <p className="muted">{t('edit.valuesHelp')}</p>
          {dims.loading && !dims.data ? <Loading /> : dims.error && !dims.data ? <ErrorState error={dims.error} /> : (
            <DimensionFields dimensions={dimensions} values={values} onChange={setValues} />
          )}
        </fieldset>
        <div className="proc-form-buttons">
          <Button type="submit" className="button button-primary" isDisabled={saving}>{t('edit.createSubmit')}</Button>
        </div>
      </form>
    </section>
  );
}

type Editable = NonNullable<ProcedureForEditQuery['procedure']>;

function EditExisting({ id }: { id: string }) {
  const { t } = useTranslation('procedure');
  const { signedIn, loading: memberLoading, member } = useActingMember();
  // Always read from the platform: the version opened is the one the save is checked against.
  const { data, loading, error, refetch } = useQuery(ProcedureForEditDocument, { variables: { id }, fetchPolicy: 'network-only', skip: !signedIn });
  const procedure = data?.procedure;
  usePageTitle(procedure ? t('edit.editTitle', { title: procedure.title }) : t('edit.editHeading'));
  if (!signedIn) return <Refusal text={t('edit.signIn')} signIn={`/procedures/${id}/edit`} />;
  if ((loading && !procedure) || (memberLoading && !member)) return <section className="page"><Loading /></section>;
  if (error && !data) return <section className="page"><h1>{t('edit.editHeading')}</h1><ErrorState error={error} onRetry={() => void refetch()} /></section>;
  if (!procedure) return <Refusal text={t('notFound')} />;
  if (!canEdit(member, { agencyId: procedure.agency.id, status: procedure.status })) return <Refusal text={t('edit.cannotEdit')} back={id} />;
  return <EditForms key={`${procedure.id}@${procedure.version}`} procedure={procedure} reload={() => refetch()} />;
}

/** The two edit forms. Each writes one new draft version on top of the version the member opened, or nothing. */
function EditForms({ procedure, reload }: { procedure: Editable; reload: () => Promise<unknown> }) {
  const { t } = useTranslation('procedure');
  const client = useApolloClient();
  const opened = useMemo(() => contentOf(procedure), [procedure]);
  const openedValues = useMemo(() => Object.fromEntries(procedure.dimensionValues.map((d) => [d.dimension.key, d.value])), [procedure]);
  const [version, setVersion] = useState(procedure.version);
  const [base, setBase] = useState(opened);
  const [baseValues, setBaseValues] = useState<Record<string, unknown>>(openedValues);
  const [content, setContent] = useState(opened);
  const [changeNote, setChangeNote] = useState('');
  const [values, setValues] = useState<Record<string, DraftValue>>(openedValues as Record<string, DraftValue>);
  const [failure, setFailure] = useState<{ form: 'content' | 'values'; failure: Failure } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [update, updating] = useMutation(ProcedureUpdateDocument);
  const [setDimensionValues, settingValues] = useMutation(ProcedureSetDimensionValuesDocument);
  const dims = useQuery(ProcedureDimensionsDocument, { variables: { topic: procedure.topic } });
  const dimensions = dims.data?.comparisonDimensions ?? [];

  // Pages that read this procedure must not show the version from before this save.
  const afterWrite = async (newVersion: number, what: string) => {
    setVersion(newVersion);
    setSaved(t('edit.saved', { what, version: newVersion }));
    await client.refetchQueries({ include: ['ProcedurePage'] }).catch(() => undefined);
  };

  const saveContent = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setSaved(null);
    const changes = contentChanges(base, content);
    if (!Object.keys(changes).length) {
      setFailure({ form: 'content', failure: { sentence: t('edit.noChange'), fields: {}, conflict: false } });
      return;
    }
    try {
      const { data } = await update({
        variables: {
          id: procedure.id, expectedVersion: version,
          input: { ...changes, visibility: changes.visibility as Visibility | undefined, ...(changeNote.trim() ? { changeNote: changeNote.trim() } : {}) },
        },
      });
      if (data) {
        setBase(content);
        setChangeNote('');
        await afterWrite(data.updateProcedure.version, t('edit.contentTitle'));
      }
    } catch (err) {
      setFailure({ form: 'content', failure: failureOf(err, t) });
    }
  };

  const saveValues = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setSaved(null);
    const changed = toSend(changedValues(baseValues, values, dimensions.map((d) => d.key)), dimensions);
    if (!changed.length) {
      setFailure({ form: 'values', failure: { sentence: t('edit.noChange'), fields: {}, conflict: false } });
      return;
    }
    try {
      const { data } = await setDimensionValues({ variables: { id: procedure.id, expectedVersion: version, values: changed } });
      if (data) {
        setBaseValues(values);
        await afterWrite(data.setDimensionValues.version, t('edit.valuesTitle'));
      }
    } catch (err) {
      setFailure({ form: 'values', failure: failureOf(err, t) });
    }
  };

  return (
    <section className="page proc-edit">
      <p className="proc-kicker">{procedure.jurisdiction.name} · {procedure.agency.name} · {t(`common:topic.${procedure.topic}`)}</p>
      <h1>{t('edit.editTitle', { title: procedure.title })}</h1>
      <p>
        {t('edit.opened', { version })} <StatusBadge status={version === procedure.version ? procedure.status : 'DRAFT'} />{' '}
        <Link to={`/procedures/${encodeURIComponent(procedure.id)}`}>{t('edit.back')}</Link>
      </p>
      <p className="muted">{t('edit.draftHelp')}</p>
      {saved && (
        <p role="status" className="proc-success">
          {saved} <Link to={`/procedures/${encodeURIComponent(procedure.id)}`}>{t('edit.view')}</Link>
        </p>
      )}
      <form onSubmit={(e) => void saveContent(e)} noValidate aria-labelledby="proc-content-title">
        <h2 id="proc-content-title">{t('edit.contentTitle')}</h2>
        {failure?.form === 'content' && <FailureNote failure={failure.failure} onReload={() => void reload()} />}
        <ContentFields content={content} onChange={setContent} errors={failure?.form === 'content' ? failure.failure.fields : {}} />
        <TextField className="field" value={changeNote} onChange={setChangeNote}>
          <Label>{t('edit.changeNote')}</Label>
          <Input />
          <Text slot="description" className="field-description">{t('edit.changeNoteHelp')}</Text>
        </TextField>
        <div className="proc-form-buttons">
          <Button type="submit" className="button button-primary" isDisabled={updating.loading}>{t('edit.saveContent')}</Button>
        </div>
      </form>
      <form onSubmit={(e) => void saveValues(e)} noValidate aria-labelledby="proc-values-title">
        <h2 id="proc-values-title">{t('edit.valuesTitle')}</h2>
        <p className="muted">{t('edit.valuesHelp')}</p>
        {failure?.form === 'values' && <FailureNote failure={failure.failure} onReload={() => void reload()} />}
        {dims.loading && !dims.data ? <Loading /> : dims.error && !dims.data ? <ErrorState error={dims.error} /> : (
          <DimensionFields dimensions={dimensions} values={values} onChange={setValues} />
        )}
        <div className="proc-form-buttons">
          <Button type="submit" className="button button-primary" isDisabled={settingValues.loading}>{t('edit.saveValues')}</Button>
        </div>
      </form>
    </section>
  );
}

/** Values as the API takes them: text trimmed, cleared values as null. */
function toSend(changed: { key: string; value: DraftValue }[], dimensions: readonly ProcedureDimensionFieldsFragment[]) {
  return changed.map(({ key, value }) => {
    const type = dimensions.find((d) => d.key === key)?.valueType as DimensionType | undefined;
    return { key, value: type ? draftValue(type, value) : value };
  });
}

function FailureNote({ failure, onReload }: { failure: Failure | null; onReload?: () => void }) {
  const { t } = useTranslation('procedure');
  const [focusKey, setFocusKey] = useState(0);
  useEffect(() => setFocusKey((k) => k + 1), [failure]);
  if (!failure) return null;
  return (
    <div className="proc-form-error" role="alert" id="proc-form-error" key={focusKey}>
      <p>{failure.sentence}</p>
      {failure.conflict && onReload && <Button className="button" onPress={onReload}>{t('edit.reload')}</Button>}
    </div>
  );
}

function ContentFields({ content, onChange, errors }: { content: ContentForm; onChange: (c: ContentForm) => void; errors: Record<string, string> }) {
  const { t } = useTranslation('procedure');
  const set = (key: keyof ContentForm) => (v: string) => onChange({ ...content, [key]: v });
  const text = (key: keyof ContentForm, multiline = false, rows = 3) => (
    <TextField className="field" value={content[key]} onChange={set(key)} isRequired={key !== 'restrictedTo'}
      isInvalid={Boolean(errors[key])} validationBehavior="aria">
      <Label>{t(`edit.fields.${key}`)}</Label>
      {multiline ? <TextArea rows={rows} /> : <Input />}
      {t(`edit.help.${key}`, { defaultValue: '' }) && <Text slot="description" className="field-description">{t(`edit.help.${key}`)}</Text>}
      <FieldError className="field-error">{errors[key]}</FieldError>
    </TextField>
  );
  return (
    <div className="proc-content-fields">
      {text('title')}
      {text('summary', true, 3)}
      {text('body', true, 14)}
      <div className="proc-field-row">
        {text('language')}
        <FormSelect label={t('edit.fields.visibility')} isRequired value={content.visibility} error={errors.visibility}
          description={t('edit.help.visibility')}
          options={VISIBILITIES.map((v) => ({ id: v, label: t(`common:visibility.${v}`) }))} onChange={set('visibility')} />
      </div>
      {text('restrictedTo')}
    </div>
  );
}

function DimensionFields({ dimensions, values, onChange }: {
  dimensions: readonly ProcedureDimensionFieldsFragment[]; values: Record<string, DraftValue>; onChange: (v: Record<string, DraftValue>) => void;
}) {
  const { t } = useTranslation('procedure');
  if (!dimensions.length) return <p className="muted">{t('edit.noDimensions')}</p>;
  return (
    <div className="proc-dimensions">
      {dimensions.map((d) => (
        <DimensionControl key={d.key} dimension={d} value={values[d.key] ?? null} onChange={(v) => onChange({ ...values, [d.key]: v })} />
      ))}
    </div>
  );
}

function Refusal({ text, signIn, back }: { text: string; signIn?: string; back?: string }) {
  const { t } = useTranslation('procedure');
  return (
    <section className="page page-narrow">
      <h1>{t('edit.editHeading')}</h1>
      <p role="alert" className="state-error">{text}</p>
      {signIn && <p><Link to={`/sign-in?next=${encodeURIComponent(signIn)}`}>{t('signInToSee')}</Link></p>}
      {back && <p><Link to={`/procedures/${encodeURIComponent(back)}`}>{t('edit.back')}</Link></p>}
    </section>
  );
}
