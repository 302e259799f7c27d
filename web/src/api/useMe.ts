import { useQuery } from '@apollo/client/react';
import { useAuth } from '../auth/AuthContext.tsx';
import { MeDocument } from '../gql/graphql.ts';
import type { MeQuery } from '../gql/graphql.ts';

/** The signed-in member (null when anonymous), shared through the cache by every page. */
export function useMe(): { me: MeQuery['me'] | null; loading: boolean } {
  const { session } = useAuth();
  const { data, loading } = useQuery(MeDocument, { skip: !session });
  return { me: session ? data?.me ?? null : null, loading };
}
