import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormSelect } from '../components/procedure/FormSelect.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useFocusHeading } from '../components/workshops/useFocusHeading.ts';
import { WorkshopsNav } from '../components/workshops/WorkshopsNav.tsx';
import { matrixJurisdictions, matrixRows, QUADRANTS } from '../components/workshops/workshops.ts';
import type { MatrixRow } from '../components/workshops/workshops.ts';
import { WorkshopMatrixJurisdictionsDocument, WorkshopSwotMatrixDocument } from '../gql/graphql.ts';
import type { WorkshopSwotMatrixQuery } from '../gql/graphql.ts';
import '../components/procedure/procedure.css';
import '../components/workshops/workshops.css';

const ALL = 'ALL';
/** How many of the heaviest items each quadrant lists under the matrix. */
const HEAVIEST = 5;

/** SWOT items of every workshop the member may see, counted and weighed by topic and quadrant, for one jurisdiction or all. */
export default function WorkshopMatrix() {
  const { t } = useTranslation('workshops');
  usePageTitle(t('matrix.title'));
  const [params, setParams] = useSearchParams();
  const jurisdiction = params.get('j');
  const places = useQuery(WorkshopMatrixJurisdictionsDocument);
  const options = useMemo(() => [
    { id: ALL, label: t('matrix.allJurisdictions') },
    ...matrixJurisdictions(places.data?.jurisdictions ?? []).map((j) => ({ id: j.code, label: `${j.name} (${j.code})` })),
  ], [places.data, t]);
  const { data, loading, error, refetch } = useQuery(WorkshopSwotMatrixDocument, {
    variables: { jurisdictions: jurisdiction ? [jurisdiction] : null, items: HEAVIEST },
  });
  const heading = useFocusHeading(true);
  const place = jurisdiction ? options.find((o) => o.id === jurisdiction)?.label ?? jurisdiction : null;
  return (
    <section className="page ws-page">
      <h1 ref={heading} tabIndex={-1}>{t('matrix.title')}</h1>
      <WorkshopsNav />
      <p className="ws-intro">{t('matrix.intro')}</p>
      {places.error && !places.data ? <ErrorState error={places.error} onRetry={() => void places.refetch()} /> : (
        <FormSelect className="ws-matrix-filter" label={t('matrix.jurisdiction')} options={options} value={jurisdiction ?? ALL}
          description={t('matrix.jurisdictionHelp')}
          onChange={(code) => setParams(code === ALL ? {} : { j: code })} />
      )}
      <div aria-live="polite">
        {loading && !data ? <Loading /> : error && !data ? <ErrorState error={error} onRetry={() => void refetch()} /> : data && (
          data.all.itemCount === 0 ? <Empty>{place ? t('matrix.noneFor', { place }) : t('matrix.none')}</Empty> : <MatrixView data={data} place={place} />
        )}
      </div>
    </section>
  );
}

function MatrixView({ data, place }: { data: WorkshopSwotMatrixQuery; place: string | null }) {
  const { t, i18n } = useTranslation('workshops');
  const rows = matrixRows({ COMMUNICATION: data.communication, MONITORING: data.monitoring, INVESTIGATION: data.investigation }, data.all);
  const number = new Intl.NumberFormat(i18n.language);
  const heaviest = Math.max(1, ...rows.slice(0, -1).flatMap((r) => r.cells.map((c) => c.weight)));
  return (
    <>
      <p className="ws-matrix-summary" data-testid="matrix-summary">
        {t('matrix.summary', {
          items: number.format(data.all.itemCount), weight: number.format(data.all.totalWeight),
          count: data.all.workshops.length, place: place ?? t('matrix.everywhere'),
        })}
      </p>
      <div className="ws-matrix-scroll" role="region" aria-labelledby="ws-matrix-caption" tabIndex={0}>
        <table className="ws-matrix">
          <caption id="ws-matrix-caption">{t('matrix.caption', { place: place ?? t('matrix.everywhere') })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matrix.topic')}</th>
              {QUADRANTS.map((q) => <th scope="col" key={q}>{t(`quadrant.${q}`)}</th>)}
              <th scope="col">{t('matrix.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => <MatrixTableRow key={row.topic ?? 'all'} row={row} heaviest={heaviest} />)}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="ws-matrix-workshops" className="ws-section">
        <h2 id="ws-matrix-workshops">{t('matrix.workshops', { count: data.all.workshops.length })}</h2>
        <ul className="ws-links" data-testid="matrix-workshops">
          {data.all.workshops.map((w) => (
            <li key={w.id}><Link to={`/workshops/${encodeURIComponent(w.id)}`} lang={w.language}>{w.title}</Link> <span className="muted">· {w.city.name}</span></li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ws-matrix-heaviest" className="ws-section">
        <h2 id="ws-matrix-heaviest">{t('matrix.heaviest', { count: HEAVIEST })}</h2>
        <div className="ws-swot-grid">
          {data.all.quadrants.map((q) => (
            <section key={q.quadrant} className={`ws-quadrant ws-quadrant-${q.quadrant.toLowerCase()}`} aria-labelledby={`ws-mq-${q.quadrant}`}>
              <h3 id={`ws-mq-${q.quadrant}`}>{t(`quadrant.${q.quadrant}`)}</h3>
              {q.items.length === 0 ? <p className="muted">{t('swot.emptyQuadrant')}</p> : (
                <ol className="ws-swot-items">
                  {q.items.map((item) => (
                    <li key={item.id} className="ws-swot-item">
                      <p className="ws-statement" lang={item.workshop.language}>{item.statement}</p>
                      <p className="ws-item-meta">
                        <span className="ws-weight">{t('swot.weight', { count: item.weight })}</span>
                        <span className="badge badge-muted">{t(`common:topic.${item.topic}`)}</span>
                        <Link to={`/workshops/${encodeURIComponent(item.workshop.id)}`} lang={item.workshop.language}>{item.workshop.title}</Link>
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          ))}
        </div>
      </section>
    </>
  );
}

function MatrixTableRow({ row, heaviest }: { row: MatrixRow; heaviest: number }) {
  const { t } = useTranslation('workshops');
  const label = row.topic ? t(`common:topic.${row.topic}`) : t('matrix.allTopics');
  return (
    <tr className={row.topic ? undefined : 'ws-matrix-total'} data-topic={row.topic ?? 'ALL'}>
      <th scope="row">{label}</th>
      {row.cells.map((cell) => (
        <td key={cell.quadrant} data-quadrant={cell.quadrant}>
          <span className="ws-cell-weight">{t('matrix.cellWeight', { count: cell.weight })}</span>
          <span className="ws-cell-count">{t('matrix.cellItems', { count: cell.count })}</span>
          {row.topic && (
            <span className="ws-bar" aria-hidden="true"><span style={{ width: `${Math.round((cell.weight / heaviest) * 100)}%` }} /></span>
          )}
        </td>
      ))}
      <td data-quadrant="ALL">
        <span className="ws-cell-weight">{t('matrix.cellWeight', { count: row.totalWeight })}</span>
        <span className="ws-cell-count">{t('matrix.cellItems', { count: row.itemCount })}</span>
      </td>
    </tr>
  );
}
