// The API's LegalPositionComparison shaped for the shared comparison matrix: a cell's link goes to the provision that
// takes the position (on its framework's page), carried as "<framework id>#<provision id>".
import type { ComparisonInput } from '../compare/compareMatrix.ts';
import { frameworkPath, provisionAnchor } from './legalLogic.ts';

export interface LegalComparisonInput extends Omit<ComparisonInput, 'rows'> {
  rows: readonly {
    divergent: boolean;
    dimension: { key: string; label: string; unit?: string | null };
    cells: readonly {
      jurisdiction: { code: string };
      value?: { display: string } | null;
      provision?: { id: string; framework: { id: string } } | null;
    }[];
  }[];
}

export function legalMatrixInput(comparison: LegalComparisonInput): ComparisonInput {
  return {
    ...comparison,
    rows: comparison.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({
        jurisdiction: cell.jurisdiction,
        value: cell.value,
        procedure: cell.provision ? { id: `${cell.provision.framework.id}#${cell.provision.id}` } : null,
      })),
    })),
  };
}

/** The link of a matrix cell or column: the provision on its framework's page. */
export function legalCellHref(id: string): string {
  const [framework = '', provision] = id.split('#');
  return provision ? `${frameworkPath(framework)}#${provisionAnchor(provision)}` : frameworkPath(framework);
}
