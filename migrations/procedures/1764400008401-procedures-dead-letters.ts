import { deadLettersMigration } from '../../lib/outbox.ts';

/** procedures.dead_letters: events this schema's outbox consumers set aside after failing on them (lib/outboxConsumer.ts). */
export class ProceduresDeadLetters1764400008401 extends deadLettersMigration('procedures') {
  name = 'ProceduresDeadLetters1764400008401';
}
