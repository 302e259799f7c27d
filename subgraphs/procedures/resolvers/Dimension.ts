import { optionsOf } from '../../../lib/typedValues.ts';
import type { DimensionResolvers } from './types.generated.ts';

export const Dimension: DimensionResolvers = { options: optionsOf };
