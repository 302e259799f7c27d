import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LegalNav } from '../../components/legal/LegalNav.tsx';
import { dateLocale, frameworkPath, titleLang } from '../../components/legal/legalLogic.ts';
import { useFocusOnArrival } from '../../components/legal/useFocusOnArrival.ts';
import { formatDate } from '../../components/procedure/dates.ts';
import { FormSelect } from '../../components/procedure/FormSelect.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LegalFrameworksDocument, LegalJurisdictionsDocument } from '../../gql/graphql.ts';
import type { LegalFrameworkKind, LegalTopic } from '../../gql/graphql.ts';
import '../../components/legal/legal.css';

const KINDS = ['REGULATION', 'DIRECTIVE', 'STATUTE', 'DECREE', 'GUIDELINE', 'CASE_LAW'] as const;
const TOPICS = ['DATA_PROTECTION', 'PRIVACY', 'JURISDICTION', 'CYBERCRIME', 'HATE_SPEECH', 'ELECTRONIC_EVIDENCE',
  'PLATFORM_DUTIES', 'TERRORIST_CONTENT', 'LAW_ENFORCEMENT_COOPERATION'] as const;
const ANY = 'ANY';

interface Filters { j: string; kind: string; topic: string; at: string }

function readFilters(params: URLSearchParams): Filters {
  const at = params.get('at') ?? '';
  return {
    j: params.get('j') ?? ANY,
    kind: (KINDS as readonly string[]).includes(params.get('kind') ?? '') ? params.get('kind')! : ANY,
    topic: (TOPICS as readonly string[]).includes(params.get('topic') ?? '') ? params.get('topic')! : ANY,
    at: /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : '',
  };
}

function writeFilters(f: Filters): string {
  const p = new URLSearchParams();
  if (f.j !== ANY) p.set('j', f.j);
  if (f.kind !== ANY) p.set('kind', f.kind);
  if (f.topic !== ANY) p.set('topic', f.topic);
  if (f.at) p.set('at', f.at);
  return p.toString();
}

/** Legal frameworks the member may see, filtered by jurisdiction, kind, topic and a date they were in force on (kept in the URL). */
export default function LegalFrameworks() {
  const { t, i18n } = useTranslation('legal');
  usePageTitle(t('list.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const search = params.toString();
  const active = useMemo(() => readFilters(new URLSearchParams(search)), [search]);
  const [draft, setDraft] = useState<Filters>(active);
  useEffect(() => setDraft(active), [active]);
  const places = useQuery(LegalJurisdictionsDocument);
  const { data, loading, error, refetch } = useQuery(LegalFrameworksDocument, {
    variables: {
      filter: {
        jurisdictions: active.j === ANY ? null : [active.j],
        kind: active.kind === ANY ? null : active.kind as LegalFrameworkKind,
        topics: active.topic === ANY ? null : [active.topic as LegalTopic],
        inForceAt: active.at || null,
      },
    },
  });
  const heading = useFocusOnArrival<HTMLHeadingElement>(true);
  const jurisdictionOptions = useMemo(() => [
    { id: ANY, label: t('list.any') },
    ...[...(places.data?.jurisdictions ?? [])].sort((a, b) => a.name.localeCompare(b.name, i18n.language))
      .map((j) => ({ id: j.code, label: j.parent ? `${j.name} (${j.parent.name})` : j.name })),
  ], [places.data, t, i18n.language]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate({ search: writeFilters(draft) });
  };
  const list = data?.legalFrameworks;
  return (
    <section className="page legal-page">
      <h1 ref={heading} tabIndex={-1}>{t('list.title')}</h1>
      <LegalNav />
      <p className="legal-intro">{t('list.intro')}</p>
      <form className="legal-filters" onSubmit={submit} aria-label={t('list.filters')}>
        <FormSelect label={t('list.jurisdiction')} options={jurisdictionOptions} value={draft.j} onChange={(j) => setDraft({ ...draft, j })} />
        <FormSelect label={t('list.kind')} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })}
          options={[{ id: ANY, label: t('list.any') }, ...KINDS.map((k) => ({ id: k, label: t(`kind.${k}`) }))]} />
        <FormSelect label={t('list.topic')} value={draft.topic} onChange={(topic) => setDraft({ ...draft, topic })}
          options={[{ id: ANY, label: t('list.any') }, ...TOPICS.map((k) => ({ id: k, label: t(`topic.${k}`) }))]} />
        <div className="field">
          <label htmlFor="legal-at">{t('list.inForceAt')}</label>
          <input id="legal-at" type="date" min="1900-01-01" value={draft.at} onChange={(e) => setDraft({ ...draft, at: e.target.value })} />
        </div>
        <Button type="submit" className="button button-primary">{t('list.apply')}</Button>
        {search && <Link className="button" to="/legal">{t('list.clear')}</Link>}
      </form>
      <div aria-live="polite">
        {loading && !list ? <Loading /> : error && !list ? <ErrorState error={error} onRetry={() => void refetch()} /> : !list ? null : (
          <>
            <p className="legal-count" role="status">{t('list.count', { count: list.totalCount })}</p>
            {list.nodes.length === 0 ? <Empty>{t('list.empty')}</Empty> : (
              <ul className="legal-list">
                {list.nodes.map((f) => (
                  <li key={f.id} className="legal-card" data-framework={f.id}>
                    <h2><Link to={frameworkPath(f.id)} lang={titleLang(f.languages)}>{f.shortTitle}</Link></h2>
                    <p className="legal-card-meta">
                      {f.jurisdiction.name} · {t(`kind.${f.kind}`)}
                      {f.inForceFrom ? ` · ${t('list.inForceFrom', { date: formatDate(f.inForceFrom, dateLocale(i18n.language)) })}` : ''}
                      {' · '}{t(`visibility.${f.visibility}`)}
                      {f.illustrative && <> · <span className="badge badge-warn">{t('illustrative')}</span></>}
                    </p>
                    <p className="muted">{f.topics.map((topic) => t(`topic.${topic}`)).join(', ')}</p>
                  </li>
                ))}
              </ul>
            )}
            {list.pageInfo.hasNextPage && <p className="muted">{t('list.more', { shown: list.nodes.length, total: list.totalCount })}</p>}
          </>
        )}
      </div>
    </section>
  );
}
