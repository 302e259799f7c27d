import { useTranslation } from 'react-i18next';
import type { AuditRowFragment } from '../../gql/graphql.ts';
import { currentLocale, formatDateTime } from '../../i18n/format.ts';

/** Entries newest first; on a phone each entry is a block of labelled lines. */
export function AuditTable({ rows }: { rows: readonly AuditRowFragment[] }) {
  const { t } = useTranslation('audit');
  return (
    <div className="audit-table-wrap">
      <table className="table table-stack audit-table" data-testid="audit-table">
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.seq')}</th>
            <th scope="col">{t('table.at')}</th>
            <th scope="col">{t('table.member')}</th>
            <th scope="col">{t('table.kind')}</th>
            <th scope="col">{t('table.what')}</th>
            <th scope="col">{t('table.entities')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-seq={r.seq}>
              <td data-label={t('table.seq')}>{r.seq}</td>
              <td data-label={t('table.at')}><time dateTime={r.at}>{formatDateTime(r.at, currentLocale(), 'UTC')}</time></td>
              <td data-label={t('table.member')}>
                {r.memberId
                  ? <>{r.member?.displayName ?? t('table.unknownMember')} <span className="muted">({r.memberId})</span></>
                  : t('table.anonymous')}
                {r.roles.length > 0 && <div className="muted">{r.roles.map((role) => t(`common:role.${role}`, { defaultValue: role })).join(', ')}</div>}
              </td>
              <td data-label={t('table.kind')}>
                {t(`kind.${r.kind}`)}{' '}
                <span className={`badge ${r.decision === 'DENIED' ? 'badge-bad' : 'badge-ok'}`}>{t(`decision.${r.decision}`)}</span>
                {r.errorCode && <div className="muted">{r.errorCode}</div>}
              </td>
              <td data-label={t('table.what')}>
                <code>{r.field ?? r.operationName ?? t(`operationType.${r.operationType}`)}</code>
                {r.operationName && r.field && <div className="muted">{t('table.operation', { name: r.operationName })}</div>}
                {r.justification && <div>{t('table.justification', { text: r.justification })}</div>}
              </td>
              <td data-label={t('table.entities')}>
                {r.entityType && <div>{r.entityType}</div>}
                {r.entityIds.length > 0 && <div className="audit-ids">{r.entityIds.join(', ')}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
