import { Curriculum } from './Curriculum.ts';
import { Follow } from './Follow.ts';
import { LegalFramework } from './LegalFramework.ts';
import { Member } from './Member.ts';
import { Mutation } from './Mutation.ts';
import { Notification } from './Notification.ts';
import { NotifiedItem } from './NotifiedItem.ts';
import { Procedure } from './Procedure.ts';
import { Query } from './Query.ts';
import { SavedSearch } from './SavedSearch.ts';
import { Workshop } from './Workshop.ts';
import type { Resolvers } from './types.generated.ts';

export const resolvers: Resolvers = { Query, Mutation, Member, Follow, SavedSearch, Notification, NotifiedItem, Procedure, LegalFramework, Curriculum, Workshop };
