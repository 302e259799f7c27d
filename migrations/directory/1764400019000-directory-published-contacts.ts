import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the directory publishes for other subgraphs to read (they never read its tables): the jurisdictions' codes, and
 * each member's name, address and activity, for the e-mails the notifications subgraph sends.
 */
export class DirectoryPublishedContacts1764400019000 implements MigrationInterface {
  name = 'DirectoryPublishedContacts1764400019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE VIEW directory.published_jurisdictions AS SELECT code, name FROM directory.jurisdictions');
    await q.query('CREATE VIEW directory.member_contacts AS SELECT id AS member_id, display_name, email, active FROM directory.members');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW directory.member_contacts, directory.published_jurisdictions');
  }
}
