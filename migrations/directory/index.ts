import { DirectoryCreateTables1764400001000 } from './1764400001000-directory-create-tables.ts';
import { DirectoryAgencyParent1764400008001 } from './1764400008001-directory-agency-parent.ts';
import { DirectoryPublishedContacts1764400019000 } from './1764400019000-directory-published-contacts.ts';

export const directoryMigrations = [DirectoryCreateTables1764400001000, DirectoryAgencyParent1764400008001, DirectoryPublishedContacts1764400019000];
