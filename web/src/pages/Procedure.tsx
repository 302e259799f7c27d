import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { CompareJurisdiction } from '../components/procedure/CompareJurisdiction.tsx';
import { formatDate } from '../components/procedure/dates.ts';
import { FollowButton } from '../components/notifications/FollowButton.tsx';
import { MarkdownView } from '../components/procedure/MarkdownView.tsx';
import { ProcedureActions } from '../components/procedure/ProcedureActions.tsx';
import { parseProcedureUrl, validDate, withParams } from '../components/procedure/procedureUrl.ts';
import { StatusBadges } from '../components/procedure/StatusBadges.tsx';
import { VersionTimeline } from '../components/procedure/VersionTimeline.tsx';
import { WhatChanged } from '../components/procedure/WhatChanged.tsx';
import { ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { ProcedurePageDocument, ProcedureViewerDocument } from '../gql/graphql.ts';
import type { ProcedurePageQuery } from '../gql/graphql.ts';
import '../components/procedure/procedure.css';

type Procedure = NonNullable<ProcedurePageQuery['procedure']>;

export default function ProcedurePage() {
  const { t } = useTranslation('procedure');
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { at } = parseProcedureUrl(params);
  const { session } = useAuth();
  // Stricter fields (operational notes, resourcing) come back null with FORBIDDEN for those below their tier: the
  // rest of the page still shows, and the refused fields are simply not there.
  const { data, loading, error, refetch } = useQuery(ProcedurePageDocument, {
    variables: { id, at },
    errorPolicy: 'all',
    fetchPolicy: 'cache-and-network',
  });
  const viewer = useQuery(ProcedureViewerDocument, { skip: !session });
  const procedure = data?.procedure;
  usePageTitle(procedure?.title ?? t('title'));

  if (loading && !procedure) return <section className="page"><Loading /></section>;
  if (!procedure) {
    return (
      <section className="page page-narrow">
        <h1>{t('title')}</h1>
        {error && !data ? <ErrorState error={error} onRetry={() => void refetch()} />
          : at ? (
            <>
              <p role="status">{t('at.none', { date: formatDate(at) })}</p>
              <p><Link to={`/procedures/${encodeURIComponent(id)}`}>{t('at.current')}</Link></p>
            </>
          ) : <p role="alert" className="state-error">{t('notFound')}</p>}
        {!session && <p><Link to={`/sign-in?next=${encodeURIComponent(`/procedures/${id}`)}`}>{t('signInToSee')}</Link></p>}
      </section>
    );
  }
  const me = viewer.data?.me;
  const member = me ? { tier: me.tier, roles: me.roles, agency: me.agency } : null;
  return (
    <article className="page proc-page">
      <p className="proc-kicker">
        {procedure.jurisdiction.name} · {procedure.agency.name} · {t(`common:topic.${procedure.topic}`)}
      </p>
      <h1 lang={procedure.language}>{procedure.title}</h1>
      <StatusBadges status={procedure.status} reviewStatus={procedure.reviewStatus} lastVerifiedAt={procedure.lastVerifiedAt} />
      <PointInTime at={at} version={procedure.version} />
      {!at && (
        <div className="proc-follow">
          <FollowButton target={{ targetType: 'PROCEDURE', id: procedure.id }} />
          <FollowButton target={{ targetType: 'JURISDICTION_TOPIC', jurisdiction: procedure.jurisdiction.code, topic: procedure.topic }} what={procedure.jurisdiction.name} />
        </div>
      )}
      {!at && (
        <ProcedureActions member={member} onChanged={() => refetch()}
          procedure={{
            id: procedure.id, version: procedure.version, status: procedure.status, agencyId: procedure.agency.id,
            hasVersionInForce: procedure.history.some((v) => v.status === 'IN_FORCE'),
          }} />
      )}
      <p className="proc-summary" lang={procedure.language}>{procedure.summary}</p>
      <Facts procedure={procedure} />
      <div className="proc-columns">
        <div className="proc-main">
          <section aria-labelledby="proc-text">
            <h2 id="proc-text">{t('sections.text')}</h2>
            <div lang={procedure.language}><MarkdownView markdown={procedure.body} headingOffset={1} /></div>
          </section>
          <Steps steps={procedure.steps} />
          <OperationalNotes notes={procedure.operationalNotes} />
          <ResourcingView resourcing={procedure.resourcing} />
        </div>
        <aside className="proc-side" aria-label={t('sections.sideLabel')}>
          <DimensionValues values={procedure.dimensionValues} />
          <LegalBasis provisions={procedure.legalBasis} />
          <section aria-labelledby="proc-history">
            <h2 id="proc-history">{t('sections.history')}</h2>
            <VersionTimeline procedureId={procedure.id} history={procedure.history} shown={procedure.version} />
          </section>
        </aside>
      </div>
      <section aria-labelledby="what-changed-title" id="what-changed" className="proc-wide">
        <h2 id="what-changed-title">{t('sections.whatChanged')}</h2>
        <WhatChanged procedureId={procedure.id} versions={procedure.history} />
      </section>
      <section aria-labelledby="compare-title" id="compare" className="proc-wide">
        <h2 id="compare-title">{t('sections.compare')}</h2>
        <CompareJurisdiction procedureId={procedure.id} topic={procedure.topic} jurisdictionCode={procedure.jurisdiction.code} />
      </section>
    </article>
  );
}

/** "As in force on": a date field that reads the version in force then, kept in the URL. */
function PointInTime({ at, version }: { at: string | null; version: number }) {
  const { t } = useTranslation('procedure');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [date, setDate] = useState(at ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate({ search: withParams(params, { at: validDate(date) }) });
  };
  return (
    <div className="proc-at">
      {at && (
        <p className="notice" role="status">
          {t('at.showing', { date: formatDate(at), version })}{' '}
          <Link to={{ search: withParams(params, { at: null }) }}>{t('at.current')}</Link>
        </p>
      )}
      <form className="proc-at-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="proc-at-date">{t('at.label')}</label>
          <input id="proc-at-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <Button type="submit" className="button">{t('at.submit')}</Button>
      </form>
    </div>
  );
}

function Facts({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation('procedure');
  const rows: [string, string][] = [
    [t('facts.version'), String(procedure.version)],
    [t('facts.effectiveFrom'), procedure.effectiveFrom ? formatDate(procedure.effectiveFrom) : t('facts.notYet')],
    ...(procedure.inForceUntil ? [[t('facts.inForceUntil'), formatDate(procedure.inForceUntil)] as [string, string]] : []),
    [t('facts.visibility'), t(`common:visibility.${procedure.visibility}`)],
    ...(procedure.restrictedTo.length ? [[t('facts.restrictedTo'), procedure.restrictedTo.join(', ')] as [string, string]] : []),
    [t('facts.language'), procedure.language],
    ...(procedure.tags.length ? [[t('facts.tags'), procedure.tags.map((tag) => tag.replace(/_/g, ' ').toLowerCase()).join(', ')] as [string, string]] : []),
  ];
  return (
    <dl className="proc-facts">
      {rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}

function Steps({ steps }: { steps: Procedure['steps'] }) {
  const { t } = useTranslation('procedure');
  if (!steps.length) return null;
  return (
    <section aria-labelledby="proc-steps">
      <h2 id="proc-steps">{t('sections.steps')}</h2>
      <ol className="proc-steps">
        {steps.map((s) => (
          <li key={s.position}>
            <p className="proc-step-action">{s.action}</p>
            <p className="muted">{t('steps.responsible', { role: s.responsibleRole })}</p>
            {s.safeguards.length > 0 && (
              <>
                <p className="proc-step-safeguards-label">{t('steps.safeguards')}</p>
                <ul>{s.safeguards.map((g) => <li key={g}>{g}</li>)}</ul>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function DimensionValues({ values }: { values: Procedure['dimensionValues'] }) {
  const { t } = useTranslation('procedure');
  return (
    <section aria-labelledby="proc-values">
      <h2 id="proc-values">{t('sections.values')}</h2>
      {values.length === 0 ? <p className="muted">{t('values.none')}</p> : (
        <dl className="proc-values">
          {values.map((v) => (
            <div key={v.dimension.key}>
              <dt>{v.dimension.label}</dt>
              <dd>{v.display}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function LegalBasis({ provisions }: { provisions: Procedure['legalBasis'] }) {
  const { t } = useTranslation('procedure');
  return (
    <section aria-labelledby="proc-legal">
      <h2 id="proc-legal">{t('sections.legal')}</h2>
      {provisions.length === 0 ? <p className="muted">{t('legal.none')}</p> : (
        <ul className="proc-legal">
          {provisions.map((p) => (
            <li key={p.id}>
              <Link to={`/items/LEGAL_PROVISION/${encodeURIComponent(p.id)}`}>{`${p.framework.shortTitle}, ${p.reference}`}</Link>
              <span className="muted"> — {p.heading}</span>
              <br />
              <Link className="proc-legal-framework" to={`/items/LEGAL_FRAMEWORK/${encodeURIComponent(p.framework.id)}`}>
                {t('legal.framework', { title: p.framework.shortTitle })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OperationalNotes({ notes }: { notes: string | null | undefined }) {
  const { t } = useTranslation('procedure');
  if (!notes) return null;
  return (
    <section aria-labelledby="proc-notes" className="proc-restricted">
      <h2 id="proc-notes">{t('sections.notes')}</h2>
      <p className="muted">{t('restricted.notes')}</p>
      <p>{notes}</p>
    </section>
  );
}

function ResourcingView({ resourcing }: { resourcing: Procedure['resourcing'] }) {
  const { t, i18n } = useTranslation('procedure');
  if (!resourcing) return null;
  const money = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="proc-resourcing" className="proc-restricted">
      <h2 id="proc-resourcing">{t('sections.resourcing')}</h2>
      <p className="muted">{t('restricted.resourcing')}</p>
      <dl className="proc-values">
        <div><dt>{t('resourcing.staff')}</dt><dd>{resourcing.staff ?? t('values.notSet')}</dd></div>
        <div><dt>{t('resourcing.budget')}</dt><dd>{resourcing.budgetEur != null ? money.format(resourcing.budgetEur) : t('values.notSet')}</dd></div>
        <div><dt>{t('resourcing.tooling')}</dt><dd>{resourcing.tooling.length ? resourcing.tooling.join(', ') : t('values.notSet')}</dd></div>
      </dl>
    </section>
  );
}
