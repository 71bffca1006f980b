import type { FaultOutcome, MutantsReport, RunTally } from './types.js';

/** How many killing ids a table cell shows before "+N more". */
const SHOWN_IDS = 2;

/**
 * The console table: one row per fault — killed or survived, by which requirement ids (own ids, those the fault
 * declares it violates, marked `*`), the run that killed it, and the time and requests until its first failure.
 */
export function mutantsTableLines(report: MutantsReport): string[] {
  const header = ['fault', 'result', 'killed by (* = own rule)', 'stage', 'to 1st failure', 'requests'];
  const rows = report.faults.map((outcome) => [
    outcome.fault,
    outcome.notApplicable ? 'n/a (choice)' : outcome.killed ? 'killed' : 'SURVIVED',
    killedByCell(outcome),
    killingStage(outcome),
    outcome.firstFailure ? seconds(outcome.firstFailure.afterMs) : '—',
    outcome.firstFailure ? String(outcome.firstFailure.requests) : '—',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column >= 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
}

/** The lines around the table: the clean baseline first, the score and what was left out last. */
export function mutantsSummaryLines(report: MutantsReport): string[] {
  const { killed, total, notApplicable } = report.score;
  const survivors = report.faults.filter((o) => !o.killed && !o.notApplicable).map((o) => o.fault);
  const coinciding = report.faults.filter((o) => o.notApplicable).map((o) => o.fault);
  const weak = report.faults.filter((o) => o.killed && !o.killedByOwn).map((o) => o.fault);
  return [
    `Mutation score: ${killed}/${total} faults killed${total > 0 ? ` (${Math.round((100 * killed) / total)}%)` : ''}` +
      ` in ${seconds(report.durationMs)}` +
      (report.choices.length > 0 ? ` (choices: ${report.choices.length} on)` : ''),
    ...(notApplicable > 0
      ? [`Not applicable (an active choice takes the fault's side): ${coinciding.join(', ')}`]
      : []),
    ...(report.cleanUnexplained.length > 0
      ? [`Failed on the clean reference and flipped by no choice: ${report.cleanUnexplained.join(', ')}`]
      : []),
    ...(survivors.length > 0 ? [`Survivors: ${survivors.join(', ')}`] : []),
    ...(weak.length > 0 ? [`Killed, but not by a rule the fault declares: ${weak.join(', ')}`] : []),
    ...(report.notRun.length > 0 ? [`Not run (stopped early): ${report.notRun.join(', ')}`] : []),
  ];
}

export function cleanRunLine(clean: RunTally): string {
  const s = clean.summary;
  const verdict = s.failed > 0 ? 'FAILED' : s.errors > 0 || clean.runErrors.length > 0 ? 'could not check' : 'green';
  return (
    `Clean reference (strict): ${verdict} — ${s.passed} passed · ${s.failed} failed · ${s.warnings} warnings · ` +
    `${s.skipped} skipped · ${s.errors} errors, ${clean.requests} requests in ${seconds(clean.durationMs)}`
  );
}

function killedByCell(outcome: FaultOutcome): string {
  if (outcome.notApplicable) return 'every own rule is flipped by an active choice';
  if (!outcome.killed) {
    return outcome.ownUncovered.length > 0 ? `no failure; uncovered: ${outcome.ownUncovered[0]}…` : 'no failure';
  }
  const marked = outcome.killedBy.map((id) => (outcome.violates.includes(id) ? `${id}*` : id));
  const more = marked.length > SHOWN_IDS ? ` +${marked.length - SHOWN_IDS} more` : '';
  return marked.slice(0, SHOWN_IDS).join(' ') + more;
}

function killingStage(outcome: FaultOutcome): string {
  const killing = outcome.attempts.find((a) => a.failed.length > 0);
  if (!killing) return outcome.attempts.map((a) => a.stage).join('+') || '—';
  return `${killing.stage}${killing.strict ? ' strict' : ''}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
