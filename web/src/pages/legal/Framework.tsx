import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/AuthContext.tsx';
import { LegalNav } from '../../components/legal/LegalNav.tsx';
import { celexUrl, dateLocale, eliUrl, frameworkPath, provisionAnchor, titleLang } from '../../components/legal/legalLogic.ts';
import { FollowButton } from '../../components/notifications/FollowButton.tsx';
import { ProvisionHistory } from '../../components/legal/ProvisionHistory.tsx';
import { useFocusOnArrival } from '../../components/legal/useFocusOnArrival.ts';
import { formatDate } from '../../components/procedure/dates.ts';
import { ErrorState, Loading } from '../../components/States.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LegalFrameworkPageDocument } from '../../gql/graphql.ts';
import type { LegalFrameworkPageQuery } from '../../gql/graphql.ts';
import '../../components/legal/legal.css';

type Framework = NonNullable<LegalFrameworkPageQuery['legalFramework']>;

export default function LegalFrameworkPage() {
  const { t, i18n } = useTranslation('legal');
  const { id = '' } = useParams();
  const { session } = useAuth();
  const { data, loading, error, refetch } = useQuery(LegalFrameworkPageDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const framework = data?.legalFramework;
  usePageTitle(framework?.shortTitle ?? t('framework.title'));
  const heading = useFocusOnArrival<HTMLHeadingElement>(!!framework || !loading, id);
  if (loading && !framework) return <section className="page"><Loading /></section>;
  if (!framework) {
    return (
      <section className="page page-narrow">
        <h1 ref={heading} tabIndex={-1}>{t('framework.title')}</h1>
        {error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : <p role="alert" className="state-error">{t('framework.notFound')}</p>}
        {!session && <p><Link to={`/sign-in?next=${encodeURIComponent(frameworkPath(id))}`}>{t('signInToSee')}</Link></p>}
        <p><Link to="/legal">{t('framework.back')}</Link></p>
      </section>
    );
  }
  const lang = titleLang(framework.languages);
  return (
    <article className="page legal-page">
      <p className="legal-kicker">{framework.jurisdiction.name} · {t(`kind.${framework.kind}`)} · {t(`visibility.${framework.visibility}`)}</p>
      <h1 ref={heading} tabIndex={-1} lang={lang}>{framework.shortTitle}</h1>
      <LegalNav />
      <FollowButton target={{ targetType: 'LEGAL_FRAMEWORK', id: framework.id }} />
      <p className="legal-fulltitle" lang="en">{framework.title}</p>
      {framework.illustrative && <p className="notice">{t('framework.illustrative')}</p>}
      <p lang="en">{framework.summary}</p>
      <Facts framework={framework} />
      {framework.transposedBy.length > 0 && (
        <p>
          <Link to={`/legal/transposition/${encodeURIComponent(framework.id)}`}>{t('framework.transpositionLink', { count: framework.transposedBy.length })}</Link>
        </p>
      )}
      <section aria-labelledby="legal-provisions">
        <h2 id="legal-provisions">{t('framework.provisions', { count: framework.provisions.length })}</h2>
        {framework.provisions.length === 0 && <p className="state state-empty">{t('framework.noProvisions')}</p>}
        {framework.provisions.map((p) => (
          <section key={p.id} id={provisionAnchor(p.id)} className="legal-provision" aria-labelledby={`${provisionAnchor(p.id)}-h`} data-provision={p.id}>
            <h3 id={`${provisionAnchor(p.id)}-h`}>
              {p.reference} — <span lang="en">{p.heading}</span>
            </h3>
            <p className="muted">
              {t('history.version', { version: p.version })} · {t('history.since', { from: formatDate(p.validFrom, dateLocale(i18n.language)) })} · {t(`visibility.${p.visibility}`)}
            </p>
            <p className="legal-text" lang="en">{p.text}</p>
            {session && (
              <p><Link className="button" to={`/legal/contribute/${encodeURIComponent(p.id)}`}>{t('framework.contribute', { reference: p.reference })}</Link></p>
            )}
            <details className="legal-history-box">
              <summary>{t('history.title', { count: p.history.length })}</summary>
              <ProvisionHistory provisionId={p.id} history={p.history} contentLang="en" />
            </details>
          </section>
        ))}
      </section>
      <p><Link to="/legal">{t('framework.back')}</Link></p>
    </article>
  );
}

function Facts({ framework }: { framework: Framework }) {
  const { t, i18n } = useTranslation('legal');
  const date = (d: string | null | undefined) => (d ? formatDate(d, dateLocale(i18n.language)) : t('framework.unknown'));
  const eli = framework.eli ? eliUrl(framework.eli) : null;
  return (
    <dl className="legal-facts">
      <div><dt>{t('framework.jurisdiction')}</dt><dd>{framework.jurisdiction.name}</dd></div>
      {framework.celex && <div><dt>{t('framework.celex')}</dt><dd><a href={celexUrl(framework.celex)} rel="noreferrer" target="_blank">{framework.celex}</a></dd></div>}
      {framework.eli && <div><dt>{t('framework.eli')}</dt><dd>{eli ? <a href={eli} rel="noreferrer" target="_blank">{framework.eli}</a> : framework.eli}</dd></div>}
      {framework.identifier && <div><dt>{t('framework.identifier')}</dt><dd>{framework.identifier}</dd></div>}
      <div><dt>{t('framework.adoptedOn')}</dt><dd>{date(framework.adoptedOn)}</dd></div>
      <div><dt>{t('framework.inForceFrom')}</dt><dd>{date(framework.inForceFrom)}</dd></div>
      {framework.repealedOn && <div><dt>{t('framework.repealedOn')}</dt><dd>{date(framework.repealedOn)}</dd></div>}
      <div><dt>{t('framework.topics')}</dt><dd>{framework.topics.map((x) => t(`topic.${x}`)).join(', ')}</dd></div>
      {framework.transposes && (
        <div>
          <dt>{t('framework.transposes')}</dt>
          <dd><Link to={frameworkPath(framework.transposes.id)}>{framework.transposes.shortTitle}</Link></dd>
        </div>
      )}
      {framework.restrictedTo.length > 0 && <div><dt>{t('framework.restrictedTo')}</dt><dd>{framework.restrictedTo.join(', ')}</dd></div>}
    </dl>
  );
}
