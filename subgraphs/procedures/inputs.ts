import { boundedText, idInput, storable } from '../../lib/inputSchemas.ts';

/** Trimmed text between min and max characters that the database keeps as given. */
export const text = boundedText;
export { idInput, storable };
