import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '../../lib/outbox.ts';

export class DirectoryCreateTables1764400001000 implements MigrationInterface {
  name = 'DirectoryCreateTables1764400001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE directory.jurisdictions (
      code text PRIMARY KEY,
      name text NOT NULL,
      native_name text,
      level text NOT NULL CHECK (level IN ('SUPRANATIONAL', 'NATIONAL', 'REGIONAL', 'LOCAL')),
      parent_code text REFERENCES directory.jurisdictions(code),
      path text[] NOT NULL,
      languages text[] NOT NULL DEFAULT '{}',
      eu_member boolean NOT NULL DEFAULT false
    )`);
    await q.query('CREATE INDEX jurisdictions_parent_idx ON directory.jurisdictions (parent_code)');
    await q.query(`CREATE TABLE directory.agencies (
      id text PRIMARY KEY,
      name text NOT NULL,
      acronym text,
      kind text NOT NULL,
      org_kind text NOT NULL CHECK (org_kind IN ('LEA', 'PARTNER', 'ACADEMIA', 'PUBLIC_AUTHORITY')),
      jurisdiction_code text NOT NULL REFERENCES directory.jurisdictions(code),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX agencies_jurisdiction_idx ON directory.agencies (jurisdiction_code)');
    await q.query('CREATE UNIQUE INDEX agencies_name_key ON directory.agencies (lower(name))');
    await q.query(`CREATE TABLE directory.members (
      id text PRIMARY KEY,
      display_name text NOT NULL,
      email text NOT NULL,
      agency_id text NOT NULL REFERENCES directory.agencies(id),
      tier text CHECK (tier IN ('PRACTITIONER', 'MANAGER')),
      roles text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE UNIQUE INDEX members_email_key ON directory.members (lower(email))');
    await q.query('CREATE INDEX members_agency_idx ON directory.members (agency_id)');
    await q.query(outboxTableSql('directory'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE directory.outbox, directory.members, directory.agencies, directory.jurisdictions');
  }
}
