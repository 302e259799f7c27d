import { followable } from '../followable.ts';
import type { ProcedureResolvers } from './types.generated.ts';

export const Procedure: ProcedureResolvers = followable('PROCEDURE');
