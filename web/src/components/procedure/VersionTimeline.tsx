import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProcedurePageQuery } from '../../gql/graphql.ts';
import { formatDate } from './dates.ts';
import { StatusBadge } from './StatusBadges.tsx';

type Version = NonNullable<ProcedurePageQuery['procedure']>['history'][number];

/** Every version the member may see, newest first, as an ordered timeline; each links to what it changed. */
export function VersionTimeline({ procedureId, history, shown }: { procedureId: string; history: readonly Version[]; shown: number }) {
  const { t } = useTranslation('procedure');
  const versions = [...history].sort((a, b) => b.version - a.version);
  const older = new Set(versions.map((v) => v.version));
  return (
    <ol className="proc-timeline" reversed>
      {versions.map((v) => (
        <li key={v.version} className={v.version === shown ? 'proc-timeline-current' : undefined} aria-current={v.version === shown ? 'true' : undefined}>
          <p className="proc-timeline-head">
            <strong>{t('history.version', { version: v.version })}</strong> <StatusBadge status={v.status} />
            {v.version === shown && <span className="proc-timeline-shown"> {t('history.shown')}</span>}
          </p>
          <p className="muted">
            {v.effectiveFrom
              ? v.inForceUntil
                ? t('history.period', { from: formatDate(v.effectiveFrom), until: formatDate(v.inForceUntil) })
                : t('history.since', { from: formatDate(v.effectiveFrom) })
              : t('history.notPublished')}
            {v.createdBy && ` · ${t('history.by', { name: v.createdBy.displayName })}`}
          </p>
          {v.title && <p className="proc-timeline-title">{v.title}</p>}
          {v.changeNote && <p>{v.changeNote}</p>}
          <p className="proc-timeline-links">
            {v.effectiveFrom && (
              <Link to={`/procedures/${encodeURIComponent(procedureId)}?at=${v.effectiveFrom}`}>
                {t('history.readAsInForce', { version: v.version })}
              </Link>
            )}
            {older.has(v.version - 1) && (
              <Link to={`/procedures/${encodeURIComponent(procedureId)}?from=${v.version - 1}&to=${v.version}#what-changed`}>
                {t('history.whatChanged', { version: v.version, previous: v.version - 1 })}
              </Link>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
