import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// The legal pages under /legal, each its own chunk; the shell knows only this area (a smaller first load).
const Frameworks = lazy(() => import('./Frameworks.tsx'));
const Framework = lazy(() => import('./Framework.tsx'));
const Transposition = lazy(() => import('./Transposition.tsx'));
const LegalCompare = lazy(() => import('./LegalCompare.tsx'));
const Contribute = lazy(() => import('./Contribute.tsx'));
const Contributions = lazy(() => import('./Contributions.tsx'));
const Review = lazy(() => import('./Review.tsx'));
const NotFound = lazy(() => import('../NotFound.tsx'));

export default function LegalRoutes() {
  return (
    <Routes>
      <Route index element={<Frameworks />} />
      <Route path="frameworks/:id" element={<Framework />} />
      <Route path="transposition" element={<Transposition />} />
      <Route path="transposition/:directive" element={<Transposition />} />
      <Route path="compare" element={<LegalCompare />} />
      <Route path="contribute/:provisionId" element={<Contribute />} />
      <Route path="contributions" element={<Contributions />} />
      <Route path="review" element={<Review />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
