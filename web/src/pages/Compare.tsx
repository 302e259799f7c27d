import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Checkbox, CheckboxGroup, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../api/useMe.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { CompareMatrix } from '../components/compare/CompareMatrix.tsx';
import { shapeMatrix } from '../components/compare/compareMatrix.ts';
import { isTopic, keepKnown, parseCompareUrl, TOPICS, writeCompareUrl } from '../components/compare/compareUrl.ts';
import type { CompareState } from '../components/compare/compareUrl.ts';
import type { PickerJurisdiction } from '../components/compare/JurisdictionPicker.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { CompareDimensionsDocument, CompareJurisdictionsDocument, CompareProceduresDocument } from '../gql/graphql.ts';
import type { Topic } from '../gql/graphql.ts';
import '../components/compare/compare.css';

// The picker (a combo box with its pop-up list) is fetched once the page is on screen: the matrix comes first.
const JurisdictionPicker = lazy(() => import('../components/compare/JurisdictionPicker.tsx').then((m) => ({ default: m.JurisdictionPicker })));

// The URL is the comparison that is shown (shareable); the form edits a draft until "Compare" writes it to the URL.

export default function Compare() {
  const { t } = useTranslation('compare');
  usePageTitle(t('title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const search = params.toString();
  const requested = useMemo(() => parseCompareUrl(search), [search]);
  const [draft, setDraft] = useState<CompareState>(requested);
  useEffect(() => setDraft(requested), [requested]);
  const pickerWanted = useAfterFirstPaint();

  const places = useQuery(CompareJurisdictionsDocument);
  const jurisdictions = useMemo<PickerJurisdiction[]>(() => {
    const list = places.data?.jurisdictions ?? [];
    return list
      .filter((j) => j.level === 'NATIONAL' || j.level === 'REGIONAL')
      .map((j) => ({ code: j.code, name: j.name, level: j.level, parentName: j.parent?.name ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }, [places.data]);
  const known = useMemo(() => new Set(jurisdictions.map((j) => j.code)), [jurisdictions]);
  // The comparison starts at once with the URL's codes; when the list of jurisdictions arrives, codes the API does
  // not know are dropped (the same variables otherwise, so no second request).
  const active = useMemo(() => (places.data ? keepKnown(requested, known) : requested), [places.data, requested, known]);
  // Set once the comparison asked for by the URL has answered (or none was asked for); the map loads after it.
  const [settled, setSettled] = useState(false);
  const ignored = places.data ? requested.jurisdictions.filter((c) => !known.has(c)) : [];

  const run = (e?: FormEvent) => {
    e?.preventDefault();
    navigate({ search: writeCompareUrl(draft) });
  };

  return (
    <section className="page compare-page">
      <h1>{t('title')}</h1>
      <p className="compare-intro">{t('intro')}</p>
      <AccessNotice />
      {places.error && !places.data ? (
        <ErrorState error={places.error} onRetry={() => void places.refetch()} />
      ) : !places.data ? (
        <Loading />
      ) : (
        <form className="compare-form" onSubmit={run} aria-label={t('form.label')}>
          <RadioGroup
            className="react-aria-RadioGroup compare-topic"
            value={draft.topic}
            onChange={(value) => isTopic(value) && setDraft({ ...draft, topic: value, dimensions: [] })}
            orientation="horizontal"
          >
            <Label>{t('form.topic')}</Label>
            <div className="radio-row">
              {TOPICS.map((topic) => (
                <Radio key={topic} value={topic} className="react-aria-Radio compare-radio">
                  <span className="radio-dot" aria-hidden="true" />{t(`common:topic.${topic}`)}
                </Radio>
              ))}
            </div>
          </RadioGroup>

          {pickerWanted ? (
            <Suspense fallback={<Loading />}>
              <JurisdictionPicker
                jurisdictions={jurisdictions}
                selected={draft.jurisdictions}
                onChange={(codes) => setDraft({ ...draft, jurisdictions: codes })}
                showMap={settled}
              />
            </Suspense>
          ) : <Loading />}

          <div className="compare-options">
            <div className="date-field">
              <label htmlFor="compare-at">{t('form.at')}</label>
              <input
                id="compare-at"
                type="date"
                min="1900-01-01"
                value={draft.at ?? ''}
                aria-describedby="compare-at-help"
                onChange={(e) => setDraft({ ...draft, at: e.target.value || null })}
              />
              <span id="compare-at-help" className="muted">{t('form.atHelp')}</span>
            </div>
            <DimensionFilter topic={draft.topic} value={draft.dimensions} onChange={(dimensions) => setDraft({ ...draft, dimensions })} />
          </div>

          <div className="compare-actions">
            <Button type="submit" className="button button-primary" isDisabled={draft.jurisdictions.length === 0}>{t('form.run')}</Button>
            {draft.jurisdictions.length === 0 && <span className="muted">{t('form.needJurisdiction')}</span>}
          </div>
        </form>
      )}
      {ignored.length > 0 && <p className="notice" role="status">{t('ignored', { codes: ignored.join(', ') })}</p>}
      <Results state={active} onSettled={() => setSettled(true)} />
    </section>
  );
}

function AccessNotice() {
  const { t } = useTranslation('compare');
  const { session } = useAuth();
  const { me } = useMe();
  const location = useLocation();
  if (!session) {
    return (
      <p className="notice compare-access">
        {t('access.anonymous')}{' '}
        <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('access.signIn')}</Link>
      </p>
    );
  }
  if (me && !me.tier) return <p className="notice compare-access">{t('access.partner')}</p>;
  return null;
}

function DimensionFilter({ topic, value, onChange }: { topic: Topic | string; value: string[]; onChange(keys: string[]): void }) {
  const { t } = useTranslation('compare');
  const { data, error } = useQuery(CompareDimensionsDocument, { variables: { topic: topic as Topic } });
  const dimensions = data?.comparisonDimensions ?? [];
  return (
    <details className="dimension-filter" open={value.length > 0 || undefined}>
      <summary>{value.length ? t('form.dimensionsSome', { count: value.length }) : t('form.dimensionsAll')}</summary>
      {error ? <ErrorState error={error} /> : !data ? <Loading /> : (
        <CheckboxGroup className="react-aria-CheckboxGroup dimension-checkboxes" value={value} onChange={onChange}>
          <Label>{t('form.dimensionsLabel')}</Label>
          {dimensions.map((d) => (
            <Checkbox key={d.key} value={d.key} className="react-aria-Checkbox compare-checkbox">
              <span className="checkbox-box" aria-hidden="true" />
              {d.unit ? t('form.dimensionWithUnit', { label: d.label, unit: d.unit }) : d.label}
            </Checkbox>
          ))}
        </CheckboxGroup>
      )}
    </details>
  );
}

function Results({ state, onSettled }: { state: CompareState; onSettled(): void }) {
  const { t } = useTranslation('compare');
  const skip = state.jurisdictions.length === 0;
  const { data, error, loading, refetch } = useQuery(CompareProceduresDocument, {
    skip,
    errorPolicy: 'all',
    variables: {
      topic: state.topic as Topic,
      jurisdictions: state.jurisdictions,
      dimensions: state.dimensions.length ? state.dimensions : null,
      at: state.at,
    },
  });
  const matrix = useMemo(() => (data?.compareProcedures ? shapeMatrix(data.compareProcedures) : null), [data]);
  const done = skip || !loading || !!matrix || !!error;
  useEffect(() => {
    if (done) onSettled();
  }, [done, onSettled]);
  if (skip) return <Empty>{t('empty')}</Empty>;
  if (loading && !matrix) return <Loading label={t('running')} />;
  if (error && !matrix) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!matrix) return <Empty>{t('empty')}</Empty>;
  return <CompareMatrix matrix={matrix} />;
}

/** False for the page's first paint, true right after it: what is fetched then does not delay the page. */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  return painted;
}
