import { allow, hasRole, isLea, isMember } from '../../lib/shieldRules.ts';

// Scope (which members a trainer reaches) and ownership are checked by the resolvers, against the rows.
export const permissions = {
  Query: {
    curricula: allow,
    curriculum: allow,
    myAssignments: isMember,
    assignments: isMember,
    trainingReport: isLea,
  },
  Mutation: {
    createCurriculum: hasRole('TRAINER'),
    updateCurriculum: hasRole('TRAINER'),
    addModule: hasRole('TRAINER'),
    assignCurriculum: hasRole('TRAINER'),
    recordModuleProgress: isMember,
    cancelAssignment: hasRole('TRAINER'),
  },
  Member: allow,
  Agency: { id: allow, trainingSummary: isLea },
  Recommendation: allow,
  Curriculum: allow,
  Module: allow,
  Assignment: allow,
  ModuleProgress: allow,
  AssignmentConnection: allow,
  AssignmentEdge: allow,
  CurriculumConnection: allow,
  CurriculumEdge: allow,
  PageInfo: allow,
  TrainingCounts: allow,
  TierTrainingCounts: allow,
  TrainingReport: allow,
  AssignmentResult: allow,
};
