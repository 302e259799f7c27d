import type { EntityManager } from 'typeorm';
import type { JobDefinitions } from '../../lib/jobs.ts';
import { emitEvents } from '../../lib/outbox.ts';

/** How many days before its due date an open assignment's member is reminded. */
export const DUE_SOON_DAYS = 7;

const OPEN = `status IN ('ASSIGNED', 'IN_PROGRESS')`;
const TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/** The reminders of one kind: which open assignments, not yet reminded, it concerns, and the column that records it. */
const KINDS = [
  { event: 'assignment.due_soon', column: 'due_soon_reminded_at',
    due: `due_on >= ${TODAY} AND due_on <= ${TODAY} + ${DUE_SOON_DAYS}` },
  { event: 'assignment.overdue', column: 'overdue_reminded_at', due: `due_on < ${TODAY}` },
] as const;

/**
 * Marks every open assignment due within 7 days (UTC), and every overdue one, whose member was not yet reminded of it,
 * and emits `assignment.due_soon` / `assignment.overdue` for each in the same transaction: two statements per kind
 * whatever the number of assignments. Running it again reminds of nothing twice.
 */
export async function remindAssignments(tx: EntityManager): Promise<{ dueSoon: number; overdue: number }> {
  const counts: number[] = [];
  for (const kind of KINDS) {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [marked]: [{ id: string; curriculum_id: string; member_id: string; due_on: string }[], number] = await tx.query(
      `UPDATE training.assignments SET ${kind.column} = now() WHERE ${OPEN} AND ${kind.column} IS NULL AND ${kind.due}
       RETURNING id, curriculum_id, member_id, due_on`);
    await emitEvents(tx, 'training', marked.map((a) => ({
      entityType: 'Assignment', entityId: a.id, event: kind.event, payload: { curriculum: a.curriculum_id, member: a.member_id, dueOn: a.due_on },
    })));
    counts.push(marked.length);
  }
  return { dueSoon: counts[0]!, overdue: counts[1]! };
}

/** The training subgraph's scheduled work: the reminders, daily at 06:00 UTC (a day missed while down is caught up). */
export const trainingJobs: JobDefinitions = {
  tasks: {
    remindAssignments: async (_payload, job) => {
      const reminded = await job.db.transaction((tx) => remindAssignments(tx));
      if (reminded.dueSoon || reminded.overdue) job.log.info(reminded, 'assignment reminders sent');
    },
  },
  schedules: [{ task: 'remindAssignments', cron: '0 6 * * *' }],
};
