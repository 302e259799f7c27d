import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { CompareMatrix } from '../../components/compare/CompareMatrix.tsx';
import { shapeMatrix } from '../../components/compare/compareMatrix.ts';
import { isTopic, parseCompareUrl, TOPICS, writeCompareUrl } from '../../components/compare/compareUrl.ts';
import type { CompareState } from '../../components/compare/compareUrl.ts';
import type { PickerJurisdiction } from '../../components/compare/JurisdictionPicker.tsx';
import { LegalNav } from '../../components/legal/LegalNav.tsx';
import { legalCellHref, legalMatrixInput } from '../../components/legal/legalMatrix.ts';
import { useFocusOnArrival } from '../../components/legal/useFocusOnArrival.ts';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LegalCompareDocument, LegalJurisdictionsDocument } from '../../gql/graphql.ts';
import type { Topic } from '../../gql/graphql.ts';
import '../../components/compare/compare.css';
import '../../components/legal/legal.css';

const JurisdictionPicker = lazy(() => import('../../components/compare/JurisdictionPicker.tsx').then((m) => ({ default: m.JurisdictionPicker })));
const MATRIX_TEXTS = { ns: 'legal', prefix: 'matrix' };

/** Legal positions across jurisdictions, in the same matrix as procedures; the URL is the comparison (shareable). */
export default function LegalCompare() {
  const { t } = useTranslation('legal');
  usePageTitle(t('compare.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const search = params.toString();
  const requested = useMemo(() => parseCompareUrl(search), [search]);
  const [draft, setDraft] = useState<CompareState>(requested);
  useEffect(() => setDraft(requested), [requested]);
  const heading = useFocusOnArrival<HTMLHeadingElement>(true);
  const places = useQuery(LegalJurisdictionsDocument);
  const jurisdictions = useMemo<PickerJurisdiction[]>(() => (places.data?.jurisdictions ?? [])
    .filter((j) => j.level === 'NATIONAL' || j.level === 'REGIONAL' || j.level === 'SUPRANATIONAL')
    .map((j) => ({ code: j.code, name: j.name, level: j.level, parentName: j.parent?.name ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en')), [places.data]);
  const run = (e: FormEvent) => {
    e.preventDefault();
    navigate({ search: writeCompareUrl({ ...draft, dimensions: [] }) });
  };
  return (
    <section className="page compare-page legal-page">
      <h1 ref={heading} tabIndex={-1}>{t('compare.title')}</h1>
      <LegalNav />
      <p className="compare-intro">{t('compare.intro')}</p>
      {places.error && !places.data ? <ErrorState error={places.error} onRetry={() => void places.refetch()} />
        : !places.data ? <Loading /> : (
          <form className="compare-form" onSubmit={run} aria-label={t('compare.form')}>
            <RadioGroup className="react-aria-RadioGroup compare-topic" value={draft.topic} orientation="horizontal"
              onChange={(value) => isTopic(value) && setDraft({ ...draft, topic: value })}>
              <Label>{t('compare.topic')}</Label>
              <div className="radio-row">
                {TOPICS.map((topic) => (
                  <Radio key={topic} value={topic} className="react-aria-Radio compare-radio">
                    <span className="radio-dot" aria-hidden="true" />{t(`common:topic.${topic}`)}
                  </Radio>
                ))}
              </div>
            </RadioGroup>
            <Suspense fallback={<Loading />}>
              <JurisdictionPicker jurisdictions={jurisdictions} selected={draft.jurisdictions} showMap={false}
                onChange={(codes) => setDraft({ ...draft, jurisdictions: codes })} />
            </Suspense>
            <div className="date-field">
              <label htmlFor="legal-compare-at">{t('compare.at')}</label>
              <input id="legal-compare-at" type="date" min="1900-01-01" value={draft.at ?? ''} onChange={(e) => setDraft({ ...draft, at: e.target.value || null })} />
            </div>
            <div className="compare-actions">
              <Button type="submit" className="button button-primary" isDisabled={draft.jurisdictions.length === 0}>{t('compare.run')}</Button>
              {draft.jurisdictions.length === 0 && <span className="muted">{t('compare.needJurisdiction')}</span>}
            </div>
          </form>
        )}
      <Results state={requested} />
    </section>
  );
}

function Results({ state }: { state: CompareState }) {
  const { t } = useTranslation('legal');
  const skip = state.jurisdictions.length === 0;
  const { data, error, loading, refetch } = useQuery(LegalCompareDocument, {
    skip,
    variables: { topic: state.topic as Topic, jurisdictions: state.jurisdictions, at: state.at },
  });
  const matrix = useMemo(() => (data?.compareLegalPositions ? shapeMatrix(legalMatrixInput(data.compareLegalPositions)) : null), [data]);
  return (
    <div aria-live="polite">
      {skip ? <Empty>{t('compare.empty')}</Empty>
        : loading && !matrix ? <Loading label={t('compare.running')} />
        : error && !matrix ? <ErrorState error={error} onRetry={() => void refetch()} />
        : matrix ? <CompareMatrix matrix={matrix} texts={MATRIX_TEXTS} hrefOf={legalCellHref} /> : null}
    </div>
  );
}
