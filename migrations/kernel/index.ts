import { KernelCreatePrincipals1764400000000 } from './1764400000000-kernel-create-principals.ts';
import { KernelCreateAuditLog1764400000100 } from './1764400000100-kernel-create-audit-log.ts';
import { KernelPrincipalsByAgency1764400000200 } from './1764400000200-kernel-principals-by-agency.ts';
import { KernelPrincipalsAgencyPath1764400008000 } from './1764400008000-kernel-principals-agency-path.ts';

export const kernelMigrations = [KernelCreatePrincipals1764400000000, KernelCreateAuditLog1764400000100, KernelPrincipalsByAgency1764400000200,
  KernelPrincipalsAgencyPath1764400008000];
