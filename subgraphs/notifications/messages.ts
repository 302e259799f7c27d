import type { NotificationRow } from './views.ts';

const quoted = (title: string | null) => (title ? `“${title}”` : null);
const TOPIC_WORDS: Record<string, string> = { COMMUNICATION: 'communication', MONITORING: 'monitoring', INVESTIGATION: 'investigation' };

/**
 * A notification in words. `title` is the item's title at the time, given only while the member may still see the
 * item; without it the sentence names no item (and says so when the item is gone for the member).
 */
export function messageOf(n: Pick<NotificationRow, 'kind' | 'detail' | 'personal'>, title: string | null): string {
  const t = quoted(title);
  const d = n.detail;
  const gone = 'an item that is no longer available to you';
  switch (n.kind) {
    case 'PROCEDURE_PUBLISHED':
      return t ? `A new version${d.version ? ` (${d.version})` : ''} of the procedure ${t} was published.` : `A new version of ${gone} was published.`;
    case 'PROCEDURE_NEEDS_REVIEW':
      return t ? `The procedure ${t} needs a review: a provision it cites was amended.` : `A procedure you follow needs a review; it is no longer available to you.`;
    case 'PROCEDURE_WITHDRAWN':
      return t ? `The procedure ${t} was withdrawn.` : 'A procedure you followed was withdrawn; it is no longer available.';
    case 'PROVISION_AMENDED':
      return t ? `A provision of ${t} was amended.` : `A provision of ${gone} was amended.`;
    case 'PROCEDURE_IN_FORCE':
      return t ? `A new procedure is in force in ${d.jurisdiction} on ${TOPIC_WORDS[String(d.topic)] ?? d.topic}: ${t}.`
        : `A new procedure came into force in ${d.jurisdiction}; it is no longer available to you.`;
    case 'SAVED_SEARCH_MATCH':
      return t ? `New match for your saved search “${d.search}”: ${t}.` : `A new match for your saved search “${d.search}” is no longer available to you.`;
    case 'ASSIGNMENT_MADE':
      return `You were assigned ${t ?? 'a curriculum'}${d.dueOn ? `, due ${d.dueOn}` : ''}.`;
    case 'ASSIGNMENT_DUE_SOON':
      return `Your assignment ${t ?? 'of a curriculum'} is due${d.dueOn ? ` on ${d.dueOn}` : ' within 7 days'}.`;
    case 'ASSIGNMENT_OVERDUE':
      return `Your assignment ${t ?? 'of a curriculum'} is overdue${d.dueOn ? ` (due ${d.dueOn})` : ''}.`;
    case 'ASSIGNMENT_NEEDS_REFRESH':
      return `${t ? `The curriculum ${t}` : 'A curriculum you completed'} needs a refresher: a procedure it teaches changed.`;
    case 'CONTRIBUTION_DECIDED':
      return `Your contribution${t ? ` to ${t}` : ''} was ${d.decision === 'ACCEPTED' ? 'accepted' : 'rejected'}.`;
    case 'RECOMMENDATION_STATUS_CHANGED':
      return t ? `The recommendation ${t} is now ${String(d.to ?? '').toLowerCase().replaceAll('_', ' ')}.` : `A recommendation of a workshop you follow changed; it is no longer available to you.`;
    case 'CURRICULUM_UPDATED':
      return t ? `The curriculum ${t} was updated.` : `A curriculum you follow was updated; it is no longer available to you.`;
    default:
      return t ? `${t} changed.` : 'Something you follow changed.';
  }
}
