import { LegalCreateTables1764400003000 } from './1764400003000-legal-create-tables.ts';
import { LegalSearchDocuments1764400006002 } from './1764400006002-legal-search-documents.ts';
import { LegalDimensionValueLabels1764400007002 } from './1764400007002-legal-dimension-value-labels.ts';
import { LegalWholeShortTitles1764400007003 } from './1764400007003-legal-whole-short-titles.ts';
import { LegalProvisionReferencesPerViewer1764400008002 } from './1764400008002-legal-provision-references-per-viewer.ts';
import { LegalBackdatingReason1764400014102 } from './1764400014102-legal-backdating-reason.ts';
import { LegalDisjointSearchRestriction1764400015102 } from './1764400015102-legal-disjoint-search-restriction.ts';
import { LegalContributionAuthorOrganisation1764400015103 } from './1764400015103-legal-contribution-author-organisation.ts';
import { LegalGuardStatistics1764400015302 } from './1764400015302-legal-guard-statistics.ts';

export const legalMigrations = [LegalCreateTables1764400003000, LegalSearchDocuments1764400006002, LegalDimensionValueLabels1764400007002,
  LegalWholeShortTitles1764400007003, LegalProvisionReferencesPerViewer1764400008002, LegalBackdatingReason1764400014102,
  LegalDisjointSearchRestriction1764400015102, LegalContributionAuthorOrganisation1764400015103, LegalGuardStatistics1764400015302];
