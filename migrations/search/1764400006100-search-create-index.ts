import type { MigrationInterface, QueryRunner } from 'typeorm';
import { consumerPositionsTableSql } from '../../lib/outbox.ts';
import { postgresSearchSql } from '../../subgraphs/search/postgresSchema.ts';

export class SearchCreateIndex1764400006100 implements MigrationInterface {
  name = 'SearchCreateIndex1764400006100';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of postgresSearchSql('search')) await q.query(sql);
    await q.query(consumerPositionsTableSql('search'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE search.consumer_positions, search.words, search.documents, search.languages');
    await q.query(`DO $$ DECLARE c record; BEGIN
      FOR c IN SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = 'search'::regnamespace LOOP
        EXECUTE format('DROP TEXT SEARCH CONFIGURATION search.%I', c.cfgname);
      END LOOP; END $$`);
  }
}
