/** The end-of-run console table: operations × check families, one compact count cell each. */
import type { CheckRecord } from '../model/checkRecord.js';
import type { Verdict } from '../model/verdict.js';
import { compactCounts, DISPLAY_ORDER, VERDICT_SYMBOLS } from './format.js';
import { conformanceMatrix } from './matrix.js';
import { operationKey } from './operations.js';

const ANSI: Readonly<Record<Verdict, string>> = {
  passed: '\u001b[32m',
  observed: '\u001b[36m',
  failed: '\u001b[31m',
  warning: '\u001b[33m',
  skipped: '\u001b[2m',
  error: '\u001b[35m',
};
const RESET = '\u001b[0m';

/** `text` in the colour of `verdict` when colour is on (a TTY), as is otherwise. */
export function paint(text: string, verdict: Verdict | undefined, colour: boolean): string {
  return colour && verdict && text ? `${ANSI[verdict]}${text}${RESET}` : text;
}

/**
 * Rows of the table, each already padded. Rows are operation keys (`CLIENTS-CREATE`), so 14 operations × 9
 * families fit in 120 columns; columns of families without any check are left out and named below it.
 */
export function matrixTableLines(checks: readonly CheckRecord[], colour: boolean): string[] {
  const matrix = conformanceMatrix(checks);
  if (matrix.operations.length === 0) return ['(no checks ran)'];
  const rows = matrix.operations.map((operation) => ({
    label: operationKey(operation),
    cells: matrix.families.map((family) => {
      const cell = matrix.cell(operation, family);
      return { text: cell ? compactCounts(cell.counts) : '·', worst: cell?.worst };
    }),
    total: compactCounts(matrix.operationTotals(operation)),
  }));
  const totalRow = {
    label: 'all operations',
    cells: matrix.families.map((family) => ({ text: compactCounts(matrix.familyTotals(family)), worst: undefined })),
    total: '',
  };
  const labelWidth = Math.max('operation'.length, ...[...rows, totalRow].map((row) => row.label.length));
  const widths = matrix.families.map((family, i) =>
    Math.max(family.length, ...[...rows, totalRow].map((row) => row.cells[i]?.text.length ?? 0)),
  );
  const line = (label: string, cells: readonly { text: string; worst?: Verdict | undefined }[]): string =>
    [label.padEnd(labelWidth), ...cells.map((cell, i) => paint(cell.text.padEnd(widths[i] ?? 0), cell.worst, colour))]
      .join('  ')
      .trimEnd();
  const out = [
    line(
      'operation',
      matrix.families.map((family) => ({ text: family })),
    ),
    ...rows.map((row) => line(row.label, row.cells)),
    line(totalRow.label, totalRow.cells),
    `legend: ${DISPLAY_ORDER.map((verdict) => `${VERDICT_SYMBOLS[verdict]} ${verdict}`).join('  ')}`,
  ];
  if (matrix.absentFamilies.length > 0)
    out.push(`families without checks in this run: ${matrix.absentFamilies.join(', ')}`);
  return out;
}
