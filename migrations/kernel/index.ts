import { KernelCreatePrincipals1764400000000 } from './1764400000000-kernel-create-principals.ts';

export const kernelMigrations = [KernelCreatePrincipals1764400000000];
