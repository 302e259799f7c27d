import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, FieldError, Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorSentence } from '../../api/errors.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { DiffText } from '../../components/diff/DiffText.tsx';
import { diffWords } from '../../components/diff/wordDiff.ts';
import { LegalNav } from '../../components/legal/LegalNav.tsx';
import { draftErrors, frameworkPath, provisionAnchor } from '../../components/legal/legalLogic.ts';
import { useFocusOnArrival } from '../../components/legal/useFocusOnArrival.ts';
import { ErrorState, Loading } from '../../components/States.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LegalContributionsDocument, LegalProvisionForContributionDocument, LegalSubmitContributionDocument } from '../../gql/graphql.ts';
import type { ContributionKind } from '../../gql/graphql.ts';
import '../../components/legal/legal.css';

const KINDS = ['AMENDMENT', 'COMMENT'] as const;

/** Any signed-in member (platform partners too) proposes an amendment to a provision, or comments on it, with a rationale. */
export default function LegalContribute() {
  const { t } = useTranslation('legal');
  const { provisionId = '' } = useParams();
  const { session } = useAuth();
  const navigate = useNavigate();
  usePageTitle(t('contribute.title'));
  const { data, loading, error, refetch } = useQuery(LegalProvisionForContributionDocument, { variables: { id: provisionId }, skip: !session });
  const provision = data?.legalProvision;
  const heading = useFocusOnArrival<HTMLHeadingElement>(!!provision || !loading);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('AMENDMENT');
  const [text, setText] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'proposedText' | 'rationale', string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submit, submitting] = useMutation(LegalSubmitContributionDocument, {
    refetchQueries: [LegalContributionsDocument],
  });
  const current = provision?.text ?? '';
  const proposed = text ?? (kind === 'AMENDMENT' ? current : '');
  const preview = useMemo(() => (kind === 'AMENDMENT' && proposed !== current ? diffWords(current, proposed) : null), [kind, proposed, current]);

  if (!session) {
    return (
      <section className="page page-narrow">
        <h1 ref={heading} tabIndex={-1}>{t('contribute.title')}</h1>
        <p><Link to={`/sign-in?next=${encodeURIComponent(`/legal/contribute/${provisionId}`)}`}>{t('contribute.signIn')}</Link></p>
      </section>
    );
  }
  if (loading && !provision) return <section className="page"><Loading /></section>;
  if (!provision) {
    return (
      <section className="page page-narrow">
        <h1 ref={heading} tabIndex={-1}>{t('contribute.title')}</h1>
        {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <p role="alert" className="state-error">{t('contribute.notFound')}</p>}
        <p><Link to="/legal">{t('framework.back')}</Link></p>
      </section>
    );
  }

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found = draftErrors({ kind, proposedText: proposed, rationale }, current);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const result = await submit({
        variables: { input: { kind: kind as ContributionKind, target: provision.id, proposedText: proposed.trim(), rationale: rationale.trim() } },
      });
      navigate('/legal/contributions', { state: { submitted: result.data?.submitContribution.id ?? null } });
    } catch (err) {
      setFailure(errorSentence(err, t));
    }
  };

  return (
    <section className="page legal-page">
      <p className="legal-kicker">{provision.framework.jurisdiction.name} · {provision.framework.shortTitle}</p>
      <h1 ref={heading} tabIndex={-1}>{t('contribute.heading', { reference: provision.reference })}</h1>
      <LegalNav />
      <p>
        <Link to={`${frameworkPath(provision.framework.id)}#${provisionAnchor(provision.id)}`}>{t('contribute.back', { title: provision.framework.shortTitle })}</Link>
      </p>
      <section aria-labelledby="contribute-current" className="legal-current">
        <h2 id="contribute-current">{t('contribute.current', { version: provision.version })}</h2>
        <p className="legal-provision-heading" lang="en">{provision.heading}</p>
        <p className="legal-text" lang="en">{provision.text}</p>
      </section>
      <form className="legal-form" onSubmit={(e) => void send(e)} noValidate aria-labelledby="contribute-form">
        <h2 id="contribute-form">{t('contribute.formTitle')}</h2>
        {failure && <p role="alert" className="state-error">{failure}</p>}
        <RadioGroup className="react-aria-RadioGroup legal-kind" value={kind} onChange={(v) => setKind(v as (typeof KINDS)[number])} orientation="horizontal">
          <Label>{t('contribute.kind')}</Label>
          <div className="radio-row">
            {KINDS.map((k) => (
              <Radio key={k} value={k} className="react-aria-Radio legal-radio">
                <span className="radio-dot" aria-hidden="true" />{t(`contributionKind.${k}`)}
              </Radio>
            ))}
          </div>
        </RadioGroup>
        <TextField className="field" value={proposed} onChange={setText} isRequired isInvalid={!!errors.proposedText} validationBehavior="aria">
          <Label>{kind === 'AMENDMENT' ? t('contribute.proposedText') : t('contribute.comment')}</Label>
          <TextArea rows={8} lang="en" />
          <Text slot="description" className="field-description">{kind === 'AMENDMENT' ? t('contribute.proposedHelp') : t('contribute.commentHelp')}</Text>
          <FieldError className="field-error">{errors.proposedText ? t(errors.proposedText) : null}</FieldError>
        </TextField>
        {preview && (
          <section aria-labelledby="contribute-preview" className="legal-preview">
            <h3 id="contribute-preview">{t('contribute.preview')}</h3>
            <DiffText parts={preview} side="after" lang="en" />
          </section>
        )}
        <TextField className="field" value={rationale} onChange={setRationale} isRequired isInvalid={!!errors.rationale} validationBehavior="aria">
          <Label>{t('contribute.rationale')}</Label>
          <TextArea rows={3} />
          <Text slot="description" className="field-description">{t('contribute.rationaleHelp')}</Text>
          <FieldError className="field-error">{errors.rationale ? t(errors.rationale) : null}</FieldError>
        </TextField>
        <div className="legal-form-buttons">
          <Button type="submit" className="button button-primary" isDisabled={submitting.loading}>{t('contribute.submit')}</Button>
        </div>
      </form>
    </section>
  );
}
