import { optionsOf } from '../../../lib/typedValues.ts';
import type { LegalDimensionResolvers } from './types.generated.ts';

export const LegalDimension: LegalDimensionResolvers = { options: optionsOf };
