import { deadLettersMigration } from '../../lib/outbox.ts';

/** training.dead_letters: events this schema's outbox consumers set aside after failing on them (lib/outboxConsumer.ts). */
export class TrainingDeadLetters1764400008403 extends deadLettersMigration('training') {
  name = 'TrainingDeadLetters1764400008403';
}
