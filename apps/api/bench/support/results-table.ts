/** `info`: a figure reported without a goal (e.g. capacity under saturation). */
export type Verdict = 'pass' | 'FAIL' | 'skipped' | 'info';

export interface BenchRow {
  id: string;
  measurement: string;
  figure: string;
  goal: string;
  verdict: Verdict;
  /** The raw numbers behind the figure, for bench/results/latest.json. */
  data: Record<string, unknown>;
}

/** A Markdown table: readable in a terminal and pasteable into docs/performance.md as is. */
export function renderTable(rows: BenchRow[]): string {
  const header = ['Measurement', 'Figure', 'Goal', 'Result'];
  const body = rows.map((row) => [row.measurement, row.figure, row.goal, row.verdict]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} req/s`;
