import { ApolloProvider } from '@apollo/client/react';
import { lazy, useEffect, useRef, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createClient } from './api/client.ts';
import { AuthProvider, useAuth } from './auth/AuthContext.tsx';
import { subjectOf } from './auth/session.ts';
import { Layout } from './components/Layout.tsx';

// Every page is its own chunk: the first load carries only the shell and the page it opens. Areas with several pages
// (legal, training, workshops) route within their own chunk.
const Home = lazy(() => import('./pages/Home.tsx'));
const SignIn = lazy(() => import('./pages/SignIn.tsx'));
const OidcCallback = lazy(() => import('./pages/OidcCallback.tsx'));
const Search = lazy(() => import('./pages/Search.tsx'));
const Compare = lazy(() => import('./pages/Compare.tsx'));
const Procedure = lazy(() => import('./pages/Procedure.tsx'));
const ProcedureEdit = lazy(() => import('./pages/ProcedureEdit.tsx'));
const Item = lazy(() => import('./pages/Item.tsx'));
const Audit = lazy(() => import('./pages/Audit.tsx'));
const Admin = lazy(() => import('./pages/Admin.tsx'));
const NotFound = lazy(() => import('./pages/NotFound.tsx'));
const LegalRoutes = lazy(() => import('./pages/legal/LegalRoutes.tsx'));
const TrainingRoutes = lazy(() => import('./pages/TrainingRoutes.tsx'));
const WorkshopRoutes = lazy(() => import('./pages/WorkshopRoutes.tsx'));
const NotificationRoutes = lazy(() => import('./pages/NotificationRoutes.tsx'));

export function App() {
  return (
    <AuthProvider>
      <ClientForSession>
        <BrowserRouter>
          <Routes>
            <Route path="/auth/callback" element={<OidcCallback mode="redirect" />} />
            <Route path="/auth/silent" element={<OidcCallback mode="silent" />} />
            <Route element={<Layout />}>
              <Route index element={<Home />} />
              <Route path="sign-in" element={<SignIn />} />
              <Route path="search" element={<Search />} />
              <Route path="compare" element={<Compare />} />
              <Route path="procedures/new" element={<ProcedureEdit />} />
              <Route path="procedures/:id" element={<Procedure />} />
              <Route path="procedures/:id/edit" element={<ProcedureEdit />} />
              <Route path="items/:type/:id" element={<Item />} />
              <Route path="legal/*" element={<LegalRoutes />} />
              <Route path="workshops/*" element={<WorkshopRoutes />} />
              <Route path="training/*" element={<TrainingRoutes />} />
              <Route path="notifications/*" element={<NotificationRoutes />} />
              <Route path="audit" element={<Audit />} />
              <Route path="admin" element={<Admin />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </ClientForSession>
    </AuthProvider>
  );
}

/** One Apollo Client; its cache is emptied whenever the member changes, so no answer meant for one reaches another. */
function ClientForSession({ children }: { children: React.ReactNode }) {
  const [client] = useState(createClient);
  const { session } = useAuth();
  const token = session?.token ?? null;
  const previous = useRef(token);
  useEffect(() => {
    if (previous.current !== token) {
      const memberChanged = previous.current === null || token === null
        || subjectOf(previous.current) !== subjectOf(token);
      previous.current = token;
      // A query whose page unmounts during the reset (e.g. home's member panels on sign-out) rejects its refetch with
      // "The operation was aborted.": expected, and not an error to surface.
      if (memberChanged) client.resetStore().catch(() => undefined);
    }
  }, [client, token]);
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
