import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// The workshop pages under /workshops, each its own chunk; the shell knows only this area (a smaller first load).
const Workshops = lazy(() => import('./Workshops.tsx'));
const WorkshopMatrix = lazy(() => import('./WorkshopMatrix.tsx'));
const Workshop = lazy(() => import('./Workshop.tsx'));
const NotFound = lazy(() => import('./NotFound.tsx'));

export default function WorkshopRoutes() {
  return (
    <Routes>
      <Route index element={<Workshops />} />
      <Route path="swot-matrix" element={<WorkshopMatrix />} />
      <Route path=":id" element={<Workshop />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
