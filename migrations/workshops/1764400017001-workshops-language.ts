import type { MigrationInterface, QueryRunner } from 'typeorm';
import { searchDocumentsView } from './1764400006004-workshops-search-documents.ts';

/**
 * A workshop records the language its outputs are written in (title, theme, SWOT items, key messages,
 * recommendations); the workshops recorded so far were written in English. Search documents take it from their workshop.
 */
export class WorkshopsLanguage1764400017001 implements MigrationInterface {
  name = 'WorkshopsLanguage1764400017001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workshops.workshops ADD COLUMN language text NOT NULL DEFAULT 'en'
      CONSTRAINT workshops_language_iso_639_1 CHECK (language ~ '^[a-z]{2}$')`);
    await q.query(searchDocumentsView('w.language'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(searchDocumentsView(`'en'::text`));
    await q.query('ALTER TABLE workshops.workshops DROP COLUMN language');
  }
}
