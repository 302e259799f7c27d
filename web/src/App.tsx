import { ApolloProvider } from '@apollo/client/react';
import { lazy, useEffect, useRef, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createClient } from './api/client.ts';
import { AuthProvider, useAuth } from './auth/AuthContext.tsx';
import { subjectOf } from './auth/session.ts';
import { Layout } from './components/Layout.tsx';

// Every page is its own chunk: the first load carries only the shell and the page it opens.
const Home = lazy(() => import('./pages/Home.tsx'));
const SignIn = lazy(() => import('./pages/SignIn.tsx'));
const OidcCallback = lazy(() => import('./pages/OidcCallback.tsx'));
const Search = lazy(() => import('./pages/Search.tsx'));
const Compare = lazy(() => import('./pages/Compare.tsx'));
const Procedure = lazy(() => import('./pages/Procedure.tsx'));
const ProcedureEdit = lazy(() => import('./pages/ProcedureEdit.tsx'));
const Item = lazy(() => import('./pages/Item.tsx'));
const Workshops = lazy(() => import('./pages/Workshops.tsx'));
const WorkshopMatrix = lazy(() => import('./pages/WorkshopMatrix.tsx'));
const Workshop = lazy(() => import('./pages/Workshop.tsx'));
const TrainingMine = lazy(() => import('./pages/TrainingMine.tsx'));
const TrainingCurricula = lazy(() => import('./pages/TrainingCurricula.tsx'));
const TrainingCurriculum = lazy(() => import('./pages/TrainingCurriculum.tsx'));
const TrainingAssign = lazy(() => import('./pages/TrainingAssign.tsx'));
const TrainingReport = lazy(() => import('./pages/TrainingReport.tsx'));
const Audit = lazy(() => import('./pages/Audit.tsx'));
const Admin = lazy(() => import('./pages/Admin.tsx'));
const NotFound = lazy(() => import('./pages/NotFound.tsx'));
const LegalFrameworks = lazy(() => import('./pages/legal/Frameworks.tsx'));
const LegalFramework = lazy(() => import('./pages/legal/Framework.tsx'));
const LegalTransposition = lazy(() => import('./pages/legal/Transposition.tsx'));
const LegalCompare = lazy(() => import('./pages/legal/LegalCompare.tsx'));
const LegalContribute = lazy(() => import('./pages/legal/Contribute.tsx'));
const LegalContributions = lazy(() => import('./pages/legal/Contributions.tsx'));
const LegalReview = lazy(() => import('./pages/legal/Review.tsx'));

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
              <Route path="legal" element={<LegalFrameworks />} />
              <Route path="legal/frameworks/:id" element={<LegalFramework />} />
              <Route path="legal/transposition" element={<LegalTransposition />} />
              <Route path="legal/transposition/:directive" element={<LegalTransposition />} />
              <Route path="legal/compare" element={<LegalCompare />} />
              <Route path="legal/contribute/:provisionId" element={<LegalContribute />} />
              <Route path="legal/contributions" element={<LegalContributions />} />
              <Route path="legal/review" element={<LegalReview />} />
              <Route path="workshops" element={<Workshops />} />
              <Route path="workshops/swot-matrix" element={<WorkshopMatrix />} />
              <Route path="workshops/:id" element={<Workshop />} />
              <Route path="training" element={<TrainingMine />} />
              <Route path="training/curricula" element={<TrainingCurricula />} />
              <Route path="training/curricula/:id" element={<TrainingCurriculum />} />
              <Route path="training/curricula/:id/assign" element={<TrainingAssign />} />
              <Route path="training/report" element={<TrainingReport />} />
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
