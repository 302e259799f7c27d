import type { EntityManager } from 'typeorm';
import type { OutboxConsumer, OutboxRow } from '../../lib/outboxConsumer.ts';
import { makeNotifications, matchSavedSearches } from './fanOut.ts';
import type { Made, NewDocument, Planned } from './fanOut.ts';
import { jurisdictionTopicId } from './views.ts';
import type { FollowTargetType } from './views.ts';

/** What is done with notifications once made, in the same transaction (queueing their e-mail). */
export type AfterMade = (tx: EntityManager, made: Made[]) => Promise<void>;

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The notifications an event makes (the key is the event's, so redelivery makes none twice). */
export function plannedFor(source: string, row: OutboxRow): Planned[] {
  const key = `${source}:${row.id}`;
  const p = row.payload;
  const followersOf = (targetType: FollowTargetType, targetId: string) => ({ targetType, targetId });
  switch (`${source}/${row.event}`) {
    case 'procedures/procedure.published': {
      const item = { type: 'Procedure', id: row.entityId };
      const detail = { version: p.version ?? null };
      const planned: Planned[] = [{ key, kind: 'PROCEDURE_PUBLISHED', item, followers: followersOf('PROCEDURE', row.entityId), detail }];
      const jurisdiction = text(p.jurisdiction);
      const topic = text(p.topic);
      if (p.supersedes == null && jurisdiction && topic) {
        planned.push({ key, kind: 'PROCEDURE_IN_FORCE', item, followers: followersOf('JURISDICTION_TOPIC', jurisdictionTopicId(jurisdiction, topic)),
          detail: { jurisdiction, topic } });
      }
      return planned;
    }
    case 'procedures/procedure.needs_review':
      return [{ key, kind: 'PROCEDURE_NEEDS_REVIEW', item: { type: 'Procedure', id: row.entityId }, followers: followersOf('PROCEDURE', row.entityId) }];
    case 'procedures/procedure.withdrawn': {
      const title = text(p.title);
      const visibility = text(p.visibility);
      // Without the guard it was published under (an event written before it was carried), nobody can be told safely.
      if (!title || !visibility || !Array.isArray(p.restrictedTo)) return [];
      return [{ key, kind: 'PROCEDURE_WITHDRAWN', item: { type: 'Procedure', id: row.entityId }, followers: followersOf('PROCEDURE', row.entityId),
        gone: { title, visibility, restrictedTo: p.restrictedTo.map(String) } }];
    }
    case 'legal/provision.amended': {
      const framework = text(p.frameworkId);
      if (!framework) return [];
      return [{ key, kind: 'PROVISION_AMENDED', item: { type: 'LegalFramework', id: framework }, followers: followersOf('LEGAL_FRAMEWORK', framework),
        detail: { version: p.version ?? null } }];
    }
    case 'legal/contribution.accepted':
    case 'legal/contribution.rejected': {
      const author = text(p.author);
      // A reviewer's own direct change is recorded as a contribution they decided: nobody else to tell.
      if (!author || author === p.reviewer) return [];
      const framework = text(p.frameworkId);
      return [{ key, kind: 'CONTRIBUTION_DECIDED', item: framework ? { type: 'LegalFramework', id: framework } : null, member: author, personal: true,
        detail: { decision: row.event === 'contribution.accepted' ? 'ACCEPTED' : 'REJECTED' } }];
    }
    case 'training/curriculum.updated':
    case 'training/curriculum.module_added':
      return [{ key, kind: 'CURRICULUM_UPDATED', item: { type: 'Curriculum', id: row.entityId }, followers: followersOf('CURRICULUM', row.entityId) }];
    case 'training/assignment.created':
    case 'training/assignment.due_soon':
    case 'training/assignment.overdue':
    case 'training/assignment.needs_refresh': {
      const member = text(p.member);
      const curriculum = text(p.curriculum);
      if (!member || !curriculum) return [];
      const kind = { 'assignment.created': 'ASSIGNMENT_MADE', 'assignment.due_soon': 'ASSIGNMENT_DUE_SOON', 'assignment.overdue': 'ASSIGNMENT_OVERDUE',
        'assignment.needs_refresh': 'ASSIGNMENT_NEEDS_REFRESH' }[row.event]!;
      return [{ key, kind, item: { type: 'Curriculum', id: curriculum }, member, personal: true,
        detail: { assignment: row.entityId, dueOn: p.dueOn ?? null } }];
    }
    case 'workshops/recommendation.statusChanged': {
      const workshop = text(p.workshop);
      if (!workshop) return [];
      return [{ key, kind: 'RECOMMENDATION_STATUS_CHANGED', item: { type: 'Recommendation', id: row.entityId }, followers: followersOf('WORKSHOP', workshop),
        detail: { from: p.from ?? null, to: p.to ?? null } }];
    }
    default:
      return [];
  }
}

/** Events that put a new document in a source's published view: candidates for saved searches. */
const NEW_DOCUMENTS: Record<string, Record<string, string>> = {
  procedures: { 'procedure.published': 'Procedure' },
  legal: { 'framework.created': 'LegalFramework', 'provision.added': 'LegalProvision', 'provision.amended': 'LegalProvision' },
  training: { 'curriculum.created': 'Curriculum' },
  workshops: { 'workshop.created': 'Workshop', 'swotItem.added': 'SwotItem', 'recommendation.added': 'Recommendation' },
};

export function newDocumentsOf(source: string, rows: OutboxRow[]): NewDocument[] {
  const types = NEW_DOCUMENTS[source] ?? {};
  return [...new Map(rows.flatMap((r) => (types[r.event] ? [[`${types[r.event]}:${r.entityId}`, { type: types[r.event]!, id: r.entityId }] as const] : []))).values()];
}

/** One consumer per source outbox: follows, personal events and saved searches make notifications, in one transaction with the position. */
export function notifierFor(source: string, sources: string[], afterMade: AfterMade): OutboxConsumer {
  return {
    name: `notifications-${source}`,
    schema: 'notifications',
    source,
    events: '*',
    async handle(tx, rows) {
      const made = await makeNotifications(tx, sources, rows.flatMap((r) => plannedFor(source, r)));
      const matched = sources.includes(source) ? await matchSavedSearches(tx, source, newDocumentsOf(source, rows)) : [];
      const all = [...made, ...matched];
      if (all.length) await afterMade(tx, all);
    },
  };
}
