import { useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { errorCode } from '../api/errors.ts';
import '../components/search/search.css';
import { ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import {
  CurriculumItemDocument, LegalFrameworkItemDocument, LegalProvisionItemDocument, RecommendationItemDocument,
  SwotItemItemDocument, WorkshopItemDocument,
} from '../gql/graphql.ts';

// The generic page of a searchable item whose own page is not built yet: its title, text, jurisdiction and who may
// see it, read through the API's root query for its type (a SWOT item through its workshop, which has one).

interface ItemView {
  title: string;
  /** The language the title and texts are written in, where the item records one. */
  language?: string;
  texts: { label?: string; text: string }[];
  facts: { label: string; value: React.ReactNode }[];
}

interface Place { code: string; name: string }

export default function Item() {
  const { type = '', id = '' } = useParams();
  const [params] = useSearchParams();
  if (type === 'PROCEDURE') return <Navigate to={`/procedures/${encodeURIComponent(id)}`} replace />;
  const loader = LOADERS[type];
  if (!loader) return <ItemFrame state={{ kind: 'unknown' }} />;
  return <ItemFrame state={{ kind: 'load', type, id, workshop: params.get('workshop') }} />;
}

type FrameState = { kind: 'unknown' } | { kind: 'load'; type: string; id: string; workshop: string | null };

function ItemFrame({ state }: { state: FrameState }) {
  const { t } = useTranslation('search');
  if (state.kind === 'unknown') return <ItemPage title={null} body={<p className="state state-empty">{t('item.unknownType')}</p>} />;
  const Loader = LOADERS[state.type]!;
  return <Loader id={state.id} workshop={state.workshop} />;
}

function ItemPage({ title, language, badge, body }: { title: string | null; language?: string; badge?: string; body: React.ReactNode }) {
  const { t } = useTranslation('search');
  usePageTitle(title ?? t('item.title'));
  return (
    <article className="page page-narrow item-page">
      {badge && <p className="badge badge-muted search-type">{badge}</p>}
      <h1 lang={title ? language : undefined}>{title ?? t('item.title')}</h1>
      {body}
    </article>
  );
}

/** Loading, not found (null or NOT_FOUND: the API does not tell hidden from absent), error, or the item. */
function Shown({ type, loading, error, view }: { type: string; loading: boolean; error: unknown; view: ItemView | null }) {
  const { t } = useTranslation('search');
  const badge = t(`type.${type}`, { defaultValue: type });
  if (loading && !view) return <ItemPage title={null} badge={badge} body={<Loading />} />;
  if (!view) {
    const notFound = !error || errorCode(error) === 'NOT_FOUND';
    return <ItemPage title={null} badge={badge} body={notFound ? <p className="state state-empty" role="status">{t('item.notFound')}</p> : <ErrorState error={error} />} />;
  }
  return (
    <ItemPage
      title={view.title}
      language={view.language}
      badge={badge}
      body={
        <>
          <dl className="item-facts">
            {view.facts.map((f) => (
              <div key={f.label} className="item-fact">
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
          {view.texts.map((x, i) => (
            <section key={i}>
              {x.label && <h2>{x.label}</h2>}
              <p className="item-text" lang={view.language}>{x.text}</p>
            </section>
          ))}
        </>
      }
    />
  );
}

function accessFacts(t: TFunction, common: TFunction, places: Place | Place[] | null, visibility: string | null, restrictedTo: string[]) {
  const list = places === null ? [] : Array.isArray(places) ? places : [places];
  return [
    ...(list.length ? [{ label: t('item.jurisdiction'), value: list.map((p) => `${p.name} (${p.code})`).join(', ') }] : []),
    ...(visibility ? [{ label: t('item.visibility'), value: common(`visibility.${visibility}`, { defaultValue: visibility }) }] : []),
    ...(restrictedTo.length ? [{ label: t('item.restrictedTo'), value: restrictedTo.join(', ') }] : []),
  ];
}

function useLabels() {
  const { t } = useTranslation('search');
  const { t: common } = useTranslation();
  const topics = (list: string[]) => list.map((x) => common(`topic.${x}`, { defaultValue: x })).join(', ');
  return { t, common, topics };
}

type Loader = (props: { id: string; workshop: string | null }) => React.ReactNode;

const LOADERS: Record<string, Loader> = {
  LEGAL_FRAMEWORK: function LegalFrameworkItem({ id }) {
    const { t, common } = useLabels();
    const { data, loading, error } = useQuery(LegalFrameworkItemDocument, { variables: { id }, errorPolicy: 'all' });
    const f = data?.legalFramework;
    const view: ItemView | null = f ? {
      title: f.title,
      texts: [{ text: f.summary }],
      facts: accessFacts(t, common, f.jurisdiction, f.visibility, f.restrictedTo),
    } : null;
    return <Shown type="LEGAL_FRAMEWORK" loading={loading} error={error} view={view} />;
  },
  LEGAL_PROVISION: function LegalProvisionItem({ id }) {
    const { t, common } = useLabels();
    const { data, loading, error } = useQuery(LegalProvisionItemDocument, { variables: { id }, errorPolicy: 'all' });
    const p = data?.legalProvision;
    const view: ItemView | null = p ? {
      title: `${p.framework.shortTitle}, ${p.reference}: ${p.heading}`,
      texts: [{ text: p.text }],
      facts: [
        { label: t('item.framework'), value: <Link to={`/items/LEGAL_FRAMEWORK/${encodeURIComponent(p.framework.id)}`}>{p.framework.title}</Link> },
        ...accessFacts(t, common, p.framework.jurisdiction, p.visibility, p.restrictedTo),
      ],
    } : null;
    return <Shown type="LEGAL_PROVISION" loading={loading} error={error} view={view} />;
  },
  CURRICULUM: function CurriculumItem({ id }) {
    const { t, common, topics } = useLabels();
    const { data, loading, error } = useQuery(CurriculumItemDocument, { variables: { id }, errorPolicy: 'all' });
    const c = data?.curriculum;
    const view: ItemView | null = c ? {
      title: c.title,
      language: c.language,
      texts: [{ text: c.summary }],
      facts: [
        ...(c.ownerAgency ? [{ label: t('item.owner'), value: c.ownerAgency.name }] : []),
        ...accessFacts(t, common, c.ownerAgency?.jurisdiction ?? null, c.visibility, c.restrictedTo),
        ...(c.topics.length ? [{ label: t('item.topics'), value: topics(c.topics) }] : []),
      ],
    } : null;
    return <Shown type="CURRICULUM" loading={loading} error={error} view={view} />;
  },
  WORKSHOP: function WorkshopItem({ id }) {
    const { t, common, topics } = useLabels();
    const { data, loading, error } = useQuery(WorkshopItemDocument, { variables: { id }, errorPolicy: 'all' });
    const w = data?.workshop;
    const view: ItemView | null = w ? {
      title: w.title,
      language: w.language,
      texts: [{ text: w.summary }],
      facts: [
        ...accessFacts(t, common, w.city, w.visibility, w.restrictedTo),
        ...(w.topics.length ? [{ label: t('item.topics'), value: topics(w.topics) }] : []),
      ],
    } : null;
    return <Shown type="WORKSHOP" loading={loading} error={error} view={view} />;
  },
  RECOMMENDATION: function RecommendationItem({ id }) {
    const { t, common, topics } = useLabels();
    const { data, loading, error } = useQuery(RecommendationItemDocument, { variables: { id }, errorPolicy: 'all' });
    const r = data?.recommendation;
    const view: ItemView | null = r ? {
      title: r.statement,
      language: r.workshop.language,
      texts: [{ label: t('item.rationale'), text: r.rationale }],
      facts: [
        { label: t('item.workshop'), value: <Link to={`/items/WORKSHOP/${encodeURIComponent(r.workshop.id)}`} lang={r.workshop.language}>{r.workshop.title}</Link> },
        ...accessFacts(t, common, r.workshop.city, r.workshop.visibility, r.workshop.restrictedTo),
        ...(r.topics.length ? [{ label: t('item.topics'), value: topics(r.topics) }] : []),
      ],
    } : null;
    return <Shown type="RECOMMENDATION" loading={loading} error={error} view={view} />;
  },
  SWOT_ITEM: function SwotItemItem({ id, workshop }) {
    const { t, common, topics } = useLabels();
    const { data, loading, error } = useQuery(SwotItemItemDocument, { variables: { workshop: workshop ?? '' }, skip: !workshop, errorPolicy: 'all' });
    const w = data?.workshop;
    const s = w?.swotItems.find((x) => x.id === id);
    const view: ItemView | null = w && s ? {
      title: s.statement,
      language: w.language,
      texts: s.evidence ? [{ label: t('item.evidence'), text: s.evidence }] : [],
      facts: [
        { label: t('item.quadrant'), value: t(`item.quadrantValue.${s.quadrant}`, { defaultValue: s.quadrant }) },
        { label: t('item.topics'), value: topics([s.topic]) },
        { label: t('item.workshop'), value: <Link to={`/items/WORKSHOP/${encodeURIComponent(w.id)}`} lang={w.language}>{w.title}</Link> },
        ...accessFacts(t, common, s.jurisdictions.length ? s.jurisdictions : w.city, w.visibility, w.restrictedTo),
      ],
    } : null;
    return <Shown type="SWOT_ITEM" loading={loading && !!workshop} error={error} view={view} />;
  },
};
