import { allow, hasRole, isManager } from '../../lib/shieldRules.ts';

// Ownership (the caller's own agency) is checked by the mutation itself, where the procedure is locked.
export const permissions = {
  Query: {
    procedures: allow,
    procedure: allow,
    diffProcedures: allow,
    comparisonDimensions: allow,
    compareProcedures: allow,
  },
  Mutation: {
    createProcedure: hasRole('EDITOR'),
    updateProcedure: hasRole('EDITOR'),
    setDimensionValues: hasRole('EDITOR'),
    publishProcedure: isManager,
    withdrawProcedure: isManager,
    verifyProcedure: allow,
  },
  Jurisdiction: allow,
  Agency: allow,
  Procedure: allow,
  ProcedureVersion: allow,
  ProcedureStep: allow,
  Resourcing: allow,
  Dimension: allow,
  DimensionValue: allow,
  ProcedureDiff: allow,
  SectionDiff: allow,
  FieldChange: allow,
  ProcedureConnection: allow,
  ProcedureEdge: allow,
  PageInfo: allow,
  ProcedureComparison: allow,
  ComparisonRow: allow,
  ComparisonCell: allow,
  LegalProvision: allow,
  Member: allow,
};
