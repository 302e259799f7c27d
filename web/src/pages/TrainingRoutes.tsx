import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// The training pages under /training, each its own chunk; the shell knows only this area (a smaller first load).
const TrainingMine = lazy(() => import('./TrainingMine.tsx'));
const TrainingCurricula = lazy(() => import('./TrainingCurricula.tsx'));
const TrainingCurriculum = lazy(() => import('./TrainingCurriculum.tsx'));
const TrainingAssign = lazy(() => import('./TrainingAssign.tsx'));
const TrainingReport = lazy(() => import('./TrainingReport.tsx'));
const NotFound = lazy(() => import('./NotFound.tsx'));

export default function TrainingRoutes() {
  return (
    <Routes>
      <Route index element={<TrainingMine />} />
      <Route path="curricula" element={<TrainingCurricula />} />
      <Route path="curricula/:id" element={<TrainingCurriculum />} />
      <Route path="curricula/:id/assign" element={<TrainingAssign />} />
      <Route path="report" element={<TrainingReport />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
