import { allow, hasRole, isLea } from '../../lib/shieldRules.ts';

// Which workshop a caller may reach is checked by the mutation itself, where the row is locked.
const editorOrAdmin = hasRole('EDITOR', 'ADMIN');

export const permissions = {
  Query: {
    workshops: allow,
    workshop: allow,
    swotMatrix: allow,
    recommendations: allow,
    recommendation: allow,
  },
  Mutation: {
    createWorkshop: editorOrAdmin,
    addSwotItems: editorOrAdmin,
    voteSwotItem: isLea,
    addKeyMessage: editorOrAdmin,
    addRecommendation: editorOrAdmin,
    setRecommendationStatus: hasRole('ADMIN'),
    linkRecommendation: editorOrAdmin,
    unlinkRecommendation: editorOrAdmin,
  },
  Workshop: allow,
  SwotItem: allow,
  KeyMessage: allow,
  Recommendation: allow,
  RecommendationStatusChange: allow,
  RecommendationLink: allow,
  SwotMatrix: allow,
  SwotQuadrantSummary: allow,
  WorkshopConnection: allow,
  WorkshopEdge: allow,
  RecommendationConnection: allow,
  RecommendationEdge: allow,
  PageInfo: allow,
  Jurisdiction: allow,
  Agency: allow,
  Member: allow,
  Procedure: allow,
  LegalFramework: allow,
  Curriculum: allow,
};
