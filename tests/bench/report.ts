// The figures a bench section produces, and the table `npm run bench` prints.
// Every figure carries its target, so the table says plainly what is met.

export type Comparison = 'at_most' | 'under' | 'at_least' | 'info';

export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** null: measured for the record (e.g. the bare SDK's own time), no target. */
  target: number | null;
  comparison: Comparison;
  /** Figures from the same run that explain this one (counts, sizes, spreads). */
  detail?: Record<string, number | string>;
}

export function isMet(figure: Figure): boolean | null {
  if (figure.target === null || figure.comparison === 'info') return null;
  switch (figure.comparison) {
    case 'at_most':
      return figure.value <= figure.target;
    case 'under':
      return figure.value < figure.target;
    case 'at_least':
      return figure.value >= figure.target;
  }
}

/** Linear-interpolated percentile of an unsorted sample (p in 0..100). */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) throw new Error('percentile of an empty sample');
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? 0;
  const highValue = sorted[high] ?? lowValue;
  return lowValue + (highValue - lowValue) * (rank - low);
}

export const median = (sample: readonly number[]): number => percentile(sample, 50);

function formatNumber(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : unit === 'ms' ? 3 : 2;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

function formatTarget(figure: Figure): string {
  if (figure.target === null || figure.comparison === 'info') return '—';
  const symbol = figure.comparison === 'at_most' ? '≤' : figure.comparison === 'under' ? '<' : '≥';
  return `${symbol} ${formatNumber(figure.target, figure.unit)}`;
}

/** A plain-text table: figure | value | target | met. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const met = isMet(f);
    return [`${f.section}: ${f.name}`, formatNumber(f.value, f.unit), formatTarget(f), met === null ? '' : met ? 'yes' : 'NO'];
  });
  const header = ['figure', 'value', 'target', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
