import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../api/useMe.ts';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate } from '../components/procedure/dates.ts';
import { TrainingNav } from '../components/training/TrainingNav.tsx';
import { CompletionChart } from '../components/training/CompletionChart.tsx';
import { CsvButton } from '../components/training/CsvButton.tsx';
import { ALL_UNITS, ScopePicker } from '../components/training/ScopePicker.tsx';
import { reportCsv, reportFileName } from '../components/training/trainingData.ts';
import type { Counts } from '../components/training/trainingData.ts';
import { TrainingReportDocument } from '../gql/graphql.ts';
import type { TrainingReportQuery } from '../gql/graphql.ts';
import '../components/procedure/procedure.css';
import '../components/training/training.css';

type Report = TrainingReportQuery['trainingReport'];
const COLUMNS = ['assigned', 'notStarted', 'inProgress', 'completed', 'overdue'] as const;

/** A unit's or a jurisdiction's training figures by tier, for law-enforcement staff (what each may see, the API decides). */
export default function TrainingReportPage() {
  const { t } = useTranslation('training');
  const { me, loading: meLoading } = useMe();
  const [params, setParams] = useSearchParams();
  const jurisdiction = params.get('j') ?? me?.agency.jurisdiction.code ?? null;
  const agency = params.get('agency') ?? (params.get('j') ? ALL_UNITS : me?.agency.id ?? null);
  const mayRead = Boolean(me?.tier);
  const ready = mayRead && jurisdiction !== null && agency !== null;
  const { data, loading, error, refetch } = useQuery(TrainingReportDocument, {
    variables: agency && agency !== ALL_UNITS ? { agency } : { jurisdiction },
    skip: !ready,
    fetchPolicy: 'cache-and-network',
  });
  usePageTitle(t('report.title'));

  if (meLoading && !me) return <section className="page"><Loading /></section>;
  if (!mayRead) {
    return (
      <section className="page page-narrow">
        <h1>{t('report.title')}</h1>
        <p role="alert" className="state-error">{me ? t('report.leaOnly') : t('signInFirst')}</p>
      </section>
    );
  }
  return (
    <section className="page training-page">
      <h1>{t('report.title')}</h1>
      <p className="muted">{t('report.intro')}</p>
      <TrainingNav />
      <ScopePicker allUnits jurisdiction={jurisdiction} agency={agency}
        onChange={(scope) => setParams(Object.fromEntries(Object.entries({ j: scope.jurisdiction, agency: scope.agency }).filter(([, v]) => v)) as Record<string, string>)} />
      <div aria-live="polite" aria-busy={loading}>
        {loading && !data ? <Loading />
          : error && !data ? <ErrorState error={error} onRetry={() => void refetch()} />
            : data ? <ReportView report={data.trainingReport} scope={agency !== ALL_UNITS && agency ? agency : jurisdiction ?? ''} />
              : null}
      </div>
    </section>
  );
}

function ReportView({ report, scope }: { report: Report; scope: string }) {
  const { t } = useTranslation('training');
  const number = new Intl.NumberFormat(t('locale'));
  const percent = new Intl.NumberFormat(t('locale'), { style: 'percent', maximumFractionDigits: 0 });
  const tierName = (tier: string | null | undefined) => t(`tier.${tier ?? 'none'}`);
  const nothing = report.totals?.assigned === 0;
  const csv = reportCsv(report, {
    header: [t('table.tier'), ...COLUMNS.map((c) => t(`counts.${c}`)), t('table.rate'), t('table.withheld')],
    tier: tierName,
    total: t('table.total'),
    withheld: (reason) => reason,
    rate: (rate) => String(rate),
  });
  const cells = (counts: Counts) => (
    <>
      {COLUMNS.map((c) => <td key={c} className="num">{number.format(counts[c])}</td>)}
      <td className="num">{percent.format(counts.completionRate)}</td>
    </>
  );
  const withheldCells = (reason: string | null | undefined) => (
    <td colSpan={COLUMNS.length + 1} className="training-withheld-cell">
      <span className="badge badge-muted">{t('withheld')}</span> {reason}
    </td>
  );
  return (
    <div className="training-report">
      <h2 id="report-heading">{t('report.heading')}</h2>
      <p className="muted">{t('report.asOf', { date: formatDate(report.asOf, t('locale')) })}</p>
      {nothing ? <Empty>{t('report.empty')}</Empty> : (
        <div className="training-report-grid">
          <CompletionChart rows={report.byTier} />
          {/* Scrolls sideways on a narrow screen rather than breaking numbers and headings apart. */}
          <div className="training-table-wrap" tabIndex={0} role="group" aria-label={t('report.tableLabel')}>
          <table className="table training-table" aria-labelledby="report-heading">
            <thead>
              <tr>
                <th scope="col">{t('table.tier')}</th>
                {COLUMNS.map((c) => <th key={c} scope="col" className="num">{t(`counts.${c}`)}</th>)}
                <th scope="col" className="num">{t('table.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {report.byTier.map((row) => (
                <tr key={row.tier ?? 'none'}>
                  <th scope="row">{tierName(row.tier)}</th>
                  {row.counts ? cells(row.counts) : withheldCells(row.withheld)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('table.total')}</th>
                {report.totals ? cells(report.totals) : withheldCells(report.totalsWithheld)}
              </tr>
            </tfoot>
          </table>
          </div>
        </div>
      )}
      <CsvButton csv={csv} fileName={reportFileName(scope, report.asOf)} label={t('report.download')} />
      <section aria-labelledby="overdue-heading" className="training-overdue">
        <h2 id="overdue-heading">{t('report.overdueHeading')}</h2>
        {report.overdueMembers.length === 0 ? <Empty>{t('report.overdueNone')}</Empty> : (
          <ul data-testid="overdue-members">
            {report.overdueMembers.map((m) => <li key={m.id}><strong>{m.displayName}</strong> <span className="muted">· {m.agency.name}</span></li>)}
          </ul>
        )}
        <p className="muted">
          {report.overdueMembersWithheld === null || report.overdueMembersWithheld === undefined
            ? t('report.overdueUncounted')
            : report.overdueMembersWithheld > 0 ? t('report.overdueWithheld', { count: report.overdueMembersWithheld }) : t('report.overdueAllShown')}
        </p>
        <p><Link to="/training">{t('mine.link')}</Link></p>
      </section>
    </div>
  );
}
