// Kept for the procedure pages' imports: dates are written in the member's language (web/src/i18n/format.ts).
export { formatDate } from '../../i18n/format.ts';
