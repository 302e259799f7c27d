import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LegalNav } from '../../components/legal/LegalNav.tsx';
import { celexUrl, frameworkPath, titleLang } from '../../components/legal/legalLogic.ts';
import { useFocusOnArrival } from '../../components/legal/useFocusOnArrival.ts';
import { FormSelect } from '../../components/procedure/FormSelect.tsx';
import { ErrorState, Loading } from '../../components/States.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LegalDirectivesDocument, LegalTranspositionDocument } from '../../gql/graphql.ts';
import '../../components/legal/legal.css';

const EuropeMap = lazy(() => import('../../components/compare/EuropeMap.tsx'));
export const DEFAULT_DIRECTIVE = 'eu-2016-680';

/** Who has transposed an EU directive: a map coloured by status with the same facts in a table beside it. */
export default function LegalTransposition() {
  const { t } = useTranslation('legal');
  const { directive = DEFAULT_DIRECTIVE } = useParams();
  const navigate = useNavigate();
  const directives = useQuery(LegalDirectivesDocument);
  const { data, loading, error, refetch } = useQuery(LegalTranspositionDocument, { variables: { directive } });
  const tr = data?.transposition;
  usePageTitle(tr ? t('transposition.titleOf', { title: tr.directive.shortTitle }) : t('transposition.title'));
  const heading = useFocusOnArrival<HTMLHeadingElement>(true, directive);
  const rows = useMemo(() => [
    ...(tr?.rows ?? []).map((r) => ({ ...r, place: r.status as string })),
    ...(tr?.outsideUnion ?? []).map((r) => ({ ...r, place: 'OUTSIDE' })),
  ], [tr]);
  const names = useMemo(() => new Map(rows.map((r) => [r.jurisdiction.code, r.jurisdiction.name])), [rows]);
  const status = useMemo(() => new Map(rows.map((r) => [r.jurisdiction.code, r.place])), [rows]);
  const showRow = (code: string) => {
    const row = document.getElementById(`transposition-${code}`);
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLElement>('th')?.focus();
  };
  return (
    <section className="page legal-page">
      <h1 ref={heading} tabIndex={-1}>{tr ? t('transposition.titleOf', { title: tr.directive.shortTitle }) : t('transposition.title')}</h1>
      <LegalNav />
      <p className="legal-intro">{t('transposition.intro')}</p>
      {directives.data && (
        <div className="legal-filters">
          <FormSelect label={t('transposition.directive')} value={directive}
            options={directives.data.legalFrameworks.nodes.map((d) => ({ id: d.id, label: d.shortTitle }))}
            onChange={(id) => navigate(`/legal/transposition/${encodeURIComponent(id)}`)} />
        </div>
      )}
      {loading && !tr ? <Loading /> : error && !tr ? <ErrorState error={error} onRetry={() => void refetch()} /> : !tr ? null : (
        <>
          <p className="legal-count" role="status" data-testid="transposition-summary">
            {t('transposition.summary', { transposed: tr.transposedCount, missing: tr.missingCount, outside: tr.outsideUnion.length })}
          </p>
          <p>
            <Link to={frameworkPath(tr.directive.id)}>{tr.directive.title}</Link>
            {tr.directive.celex && <> · <a href={celexUrl(tr.directive.celex)} rel="noreferrer" target="_blank">{t('transposition.celex', { celex: tr.directive.celex })}</a></>}
          </p>
          <div className="legal-transposition">
            <div className="legal-map">
              <ul className="legal-legend" aria-label={t('transposition.legend')}>
                {['TRANSPOSED', 'MISSING', 'OUTSIDE'].map((s) => (
                  <li key={s}><span className={`legend-swatch legend-${s}`} aria-hidden="true" />{t(`transposition.status.${s}`)}</li>
                ))}
              </ul>
              <Suspense fallback={<Loading />}>
                <EuropeMap selectable={names} selected={[]} onToggle={showRow} statusOf={(code) => status.get(code)} />
              </Suspense>
            </div>
            <div className="matrix-scroll legal-table-wrap" role="region" aria-labelledby="transposition-caption" tabIndex={0}>
              <table className="table legal-transposition-table">
                <caption id="transposition-caption">{t('transposition.caption', { title: tr.directive.shortTitle })}</caption>
                <thead>
                  <tr><th scope="col">{t('transposition.state')}</th><th scope="col">{t('transposition.statusColumn')}</th><th scope="col">{t('transposition.acts')}</th></tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.jurisdiction.code} id={`transposition-${r.jurisdiction.code}`} data-code={r.jurisdiction.code} data-status={r.place}>
                      <th scope="row" tabIndex={-1}>{r.jurisdiction.name} <span className="muted">{r.jurisdiction.code}</span></th>
                      <td><span className={`badge ${r.place === 'TRANSPOSED' ? 'badge-ok' : r.place === 'MISSING' ? 'badge-bad' : 'badge-muted'}`}>{t(`transposition.status.${r.place}`)}</span></td>
                      <td>
                        {r.acts.length === 0 ? <span className="muted">{t('transposition.noActs')}</span> : (
                          <ul className="legal-acts">
                            {r.acts.map((a) => <li key={a.id}><Link to={frameworkPath(a.id)} lang={titleLang(a.languages)}>{a.shortTitle}</Link></li>)}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
