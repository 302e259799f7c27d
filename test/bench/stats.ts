/** Percentile of sorted samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Prints a table of rows with aligned columns. */
export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const text = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : v);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c] ?? '').length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  console.log(line(cols));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => text(r[c] ?? ''))));
}

const printedDecile = new Map<string, number>();

/** A one-line progress bar on stderr (without a terminal: one line per tenth done). */
export function progress(label: string, done: number, total: number): void {
  const width = 30;
  const ratio = Math.min(1, done / Math.max(1, total));
  const filled = Math.round(ratio * width);
  const text = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  if (process.stderr.isTTY) {
    process.stderr.write(`\r${text}\x1b[K${done >= total ? '\n' : ''}`);
    return;
  }
  const decile = Math.floor(ratio * 10);
  if (decile === printedDecile.get(label)) return;
  printedDecile.set(label, decile);
  if (done >= total) printedDecile.delete(label);
  process.stderr.write(`${text}\n`);
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Median (of an even count: the mean of the middle two), minimum and maximum of the known values; NaN when none is. */
export function spread(values: number[]): Spread {
  const known = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (known.length === 0) return { median: NaN, min: NaN, max: NaN };
  const mid = Math.floor(known.length / 2);
  const median = known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
  return { median, min: known[0]!, max: known[known.length - 1]! };
}

/** Hits over lookups between two readings of a cache's counters; NaN when either reading is missing or nothing was looked up. */
export function cacheHitRate(before: { hits: number; misses: number } | null, after: { hits: number; misses: number } | null): number {
  if (!before || !after) return NaN;
  const hits = after.hits - before.hits;
  const lookups = hits + after.misses - before.misses;
  return lookups > 0 ? hits / lookups : NaN;
}
