import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkshopRecommendationFieldsFragment } from '../../gql/graphql.ts';
import { RecommendationStatusAction } from './RecommendationStatusAction.tsx';
import { formatDateTime, implementationTarget } from './workshops.ts';

type Recommendation = WorkshopRecommendationFieldsFragment;

const STATUS_TONE: Record<string, string> = {
  PROPOSED: 'badge-muted', ENDORSED: 'badge-info', IN_PROGRESS: 'badge-warn', IMPLEMENTED: 'badge-ok', REJECTED: 'badge-bad',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('workshops');
  return <span className={`badge ${STATUS_TONE[status] ?? 'badge-muted'}`}>{t(`status.${status}`)}</span>;
}

/** The workshop's recommendations: status, priority, whom they address, dated history, and what implements them. */
export function Recommendations({ recommendations, language, mayChange }: {
  recommendations: readonly Recommendation[];
  /** The language they are written in (the workshop's). */
  language: string;
  mayChange: boolean;
}) {
  const { t } = useTranslation('workshops');
  return (
    <section aria-labelledby="ws-recs-title" className="ws-section">
      <h2 id="ws-recs-title">{t('recs.title')}</h2>
      {recommendations.length === 0 ? <p className="state state-empty">{t('recs.none')}</p> : (
        <ol className="ws-recs">
          {recommendations.map((r) => <RecommendationView key={r.id} recommendation={r} language={language} mayChange={mayChange} />)}
        </ol>
      )}
    </section>
  );
}

function RecommendationView({ recommendation: r, language, mayChange }: { recommendation: Recommendation; language: string; mayChange: boolean }) {
  const { t, i18n } = useTranslation('workshops');
  const titleId = `ws-rec-${r.id}`;
  return (
    <li className="ws-rec" data-recommendation={r.id}>
      <article aria-labelledby={titleId}>
        <div className="ws-rec-head">
          <h3 id={titleId} lang={language}>{r.statement}</h3>
          <p className="ws-rec-badges" data-testid="rec-status">
            <span className="visually-hidden">{t('recs.statusLabel')} </span><StatusBadge status={r.status} />{' '}
            <span className="badge badge-muted">{t(`priority.${r.priority}`)}</span>
          </p>
        </div>
        <p lang={language}>{r.rationale}</p>
        <dl className="ws-rec-facts">
          <div><dt>{t('recs.addressees')}</dt><dd>{r.addressees.map((a) => t(`addressee.${a}`)).join(', ')}</dd></div>
          {r.topics.length > 0 && <div><dt>{t('recs.topics')}</dt><dd>{r.topics.map((topic) => t(`common:topic.${topic}`)).join(', ')}</dd></div>}
        </dl>
        <div className="ws-rec-columns">
          <div>
            <h4>{t('recs.implementedBy')}</h4>
            <Implementations recommendation={r} />
          </div>
          <div>
            <h4>{t('recs.history')}</h4>
            <ol className="ws-history">
              {r.history.map((h, n) => (
                <li key={`${h.changedAt}-${n}`}>
                  <p className="ws-history-head">
                    <time dateTime={h.changedAt}>{formatDateTime(h.changedAt, i18n.language)}</time>{' · '}
                    {h.from ? t('recs.changed', { from: t(`status.${h.from}`), to: t(`status.${h.to}`) }) : t('recs.started', { to: t(`status.${h.to}`) })}
                  </p>
                  <p className="ws-history-reason"><span lang={language}>{h.reason}</span>
                    {h.changedBy && <span className="muted"> — {t('recs.by', { name: h.changedBy.displayName })}</span>}
                  </p>
                </li>
              ))}
            </ol>
          </div>
        </div>
        {mayChange && <RecommendationStatusAction recommendation={{ id: r.id, status: r.status, statement: r.statement, language }} />}
      </article>
    </li>
  );
}

function Implementations({ recommendation: r }: { recommendation: Recommendation }) {
  const { t, i18n } = useTranslation('workshops');
  const links = r.implementedBy.flatMap((link) => {
    const target = implementationTarget(link);
    return target ? [{ ...target, type: link.type, linkedAt: link.linkedAt }] : [];
  });
  if (links.length === 0) return <p className="muted">{t('recs.noImplementation')}</p>;
  return (
    <ul className="ws-links">
      {links.map((l) => (
        <li key={l.href}>
          <span className="ws-label">{t(`linkType.${l.type}`)}</span>{' '}
          <Link to={l.href}>{l.name}</Link>
          <span className="muted"> · {t('recs.linkedOn', { date: formatDateTime(l.linkedAt, i18n.language) })}</span>
        </li>
      ))}
    </ul>
  );
}
