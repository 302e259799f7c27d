import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { clearSession, currentSession } from '../auth/session.ts';

// Apollo Client: its normalised cache keeps one copy of each entity (a procedure edited on one page is current on
// every other), and the typed documents from web/src/gql plug straight into its hooks.

/** Where the member is sent when the gateway refuses their token. */
export const SIGN_IN_PATH = '/sign-in';

function sendToSignIn() {
  clearSession();
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname !== SIGN_IN_PATH) {
    window.location.assign(`${SIGN_IN_PATH}?expired=1&next=${encodeURIComponent(here)}`);
  }
}

const auth = new SetContextLink((prev) => {
  const session = currentSession();
  return session ? { headers: { ...prev.headers, authorization: `Bearer ${session.token}` } } : {};
});

const refusedToken = new ErrorLink(({ error }) => {
  const unauthenticated = (ServerError.is(error) && error.statusCode === 401)
    || (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'));
  if (unauthenticated) sendToSignIn();
});

const ITEM_TYPES = ['Procedure', 'LegalFramework', 'LegalProvision', 'Curriculum', 'Workshop', 'SwotItem', 'Recommendation'];

export function createClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([refusedToken, auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache({
      // The API's unions (search hits, notified items): fragments on them need to know what they hold.
      possibleTypes: { SearchResult: ITEM_TYPES, NotifiedItem: ITEM_TYPES },
      typePolicies: {
        Jurisdiction: { keyFields: ['code'] },
        // A procedure is seen at one version: id alone would mix versions.
        Procedure: { keyFields: ['id', 'version'] },
        Query: { fields: { me: { merge: true } } },
      },
    }),
  });
}
