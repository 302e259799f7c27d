import { deadLettersMigration } from '../../lib/outbox.ts';

/** search.dead_letters: events this schema's outbox consumers set aside after failing on them (lib/outboxConsumer.ts). */
export class SearchDeadLetters1764400008410 extends deadLettersMigration('search') {
  name = 'SearchDeadLetters1764400008410';
}
