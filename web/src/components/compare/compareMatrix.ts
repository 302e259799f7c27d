// Shapes the API's ProcedureComparison into what the matrix draws. Pure, unit-tested in node.

export interface ComparisonInput {
  topic: string;
  at: string;
  divergentCount: number;
  csv: string;
  jurisdictions: readonly { code: string; name: string }[];
  missing: readonly { code: string; name: string }[];
  rows: readonly {
    divergent: boolean;
    dimension: { key: string; label: string; unit?: string | null };
    cells: readonly {
      jurisdiction: { code: string };
      value?: { display: string } | null;
      procedure?: { id: string } | null;
    }[];
  }[];
}

export interface MatrixColumn {
  code: string;
  name: string;
  /** No procedure in force that the viewer may see. */
  missing: boolean;
  /** The procedure behind the column's values, when one is visible. */
  procedureId: string | null;
}

export interface MatrixCell {
  code: string;
  display: string | null;
  procedureId: string | null;
}

export interface MatrixRow {
  key: string;
  label: string;
  unit: string | null;
  divergent: boolean;
  /** One per column, in column order. */
  cells: MatrixCell[];
}

export interface Matrix {
  topic: string;
  at: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  missing: { code: string; name: string }[];
  divergentCount: number;
  /** Columns that have a procedure in force. */
  presentCount: number;
  csv: string;
}

export function shapeMatrix(comparison: ComparisonInput): Matrix {
  const missingCodes = new Set(comparison.missing.map((j) => j.code));
  const procedureOf = new Map<string, string>();
  for (const row of comparison.rows) {
    for (const cell of row.cells) {
      if (cell.procedure && !procedureOf.has(cell.jurisdiction.code)) procedureOf.set(cell.jurisdiction.code, cell.procedure.id);
    }
  }
  const seen = new Set<string>();
  const columns: MatrixColumn[] = [];
  for (const j of comparison.jurisdictions) {
    if (seen.has(j.code)) continue;
    seen.add(j.code);
    columns.push({ code: j.code, name: j.name, missing: missingCodes.has(j.code), procedureId: procedureOf.get(j.code) ?? null });
  }
  const rows = comparison.rows.map((row): MatrixRow => {
    const byCode = new Map(row.cells.map((c) => [c.jurisdiction.code, c]));
    return {
      key: row.dimension.key,
      label: row.dimension.label,
      unit: row.dimension.unit ?? null,
      divergent: row.divergent,
      cells: columns.map((column) => {
        const cell = byCode.get(column.code);
        return { code: column.code, display: cell?.value?.display ?? null, procedureId: cell?.procedure?.id ?? null };
      }),
    };
  });
  return {
    topic: comparison.topic,
    at: comparison.at,
    columns,
    rows,
    missing: comparison.missing.map((j) => ({ code: j.code, name: j.name })),
    divergentCount: comparison.divergentCount,
    presentCount: columns.filter((c) => !c.missing).length,
    csv: comparison.csv,
  };
}

/** e.g. eunomia-monitoring-ES-CT_DE_NL-2024-01-01.csv (long selections are counted, not listed). */
export function csvFileName(topic: string, codes: readonly string[], at: string): string {
  const which = codes.length <= 6 ? codes.join('_') : `${codes.length}-jurisdictions`;
  return `eunomia-${topic.toLowerCase()}-${which.replace(/[^A-Za-z0-9_-]/g, '')}-${at}.csv`;
}
