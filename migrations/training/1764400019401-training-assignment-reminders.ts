import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an assignment's member was reminded that it falls due within 7 days, and that it is overdue: each reminder is
 * sent once (the daily reminder job marks the assignments it reminds of).
 */
export class TrainingAssignmentReminders1764400019401 implements MigrationInterface {
  name = 'TrainingAssignmentReminders1764400019401';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE training.assignments ADD COLUMN due_soon_reminded_at timestamptz, ADD COLUMN overdue_reminded_at timestamptz');
    // The open assignments not yet reminded: what the job reads each day.
    await q.query(`CREATE INDEX assignments_unreminded_idx ON training.assignments (due_on)
      WHERE status IN ('ASSIGNED', 'IN_PROGRESS') AND overdue_reminded_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX training.assignments_unreminded_idx');
    await q.query('ALTER TABLE training.assignments DROP COLUMN due_soon_reminded_at, DROP COLUMN overdue_reminded_at');
  }
}
