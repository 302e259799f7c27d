import { followable } from '../followable.ts';
import type { LegalFrameworkResolvers } from './types.generated.ts';

export const LegalFramework: LegalFrameworkResolvers = followable('LEGAL_FRAMEWORK');
