/**
 * `summary.md` for a CI job summary (e.g. `cat summary.md >> $GITHUB_STEP_SUMMARY`): totals, the matrix,
 * failures with their re-run command, the top observations. Lists are capped so the file stays well under
 * GitHub's 1 MiB summary limit; `index.html` has everything.
 */
import { brokenRules } from '../model/findings.js';
import type { CheckRecord, RunResults } from '../model/checkRecord.js';
import type { Verdict } from '../model/verdict.js';
import type { Reporter } from './types.js';
import { escapeMarkdown, markdownCodeBlock } from './escape.js';
import {
  compactCounts,
  countOf,
  countsSentence,
  DISPLAY_ORDER,
  findingsOf,
  firstLine,
  formatDuration,
  totalOf,
  VERDICT_SYMBOLS,
} from './format.js';
import { conformanceMatrix } from './matrix.js';
import { operationKey } from './operations.js';
import { redactText } from './redact.js';
import { REPORT_FILES, writeReportFile } from './writeReport.js';

const MAX_FINDINGS = 50;
const MAX_OBSERVATIONS = 20;
const MARK: Readonly<Record<Verdict, string>> = {
  passed: '🟢',
  observed: '🔵',
  failed: '🔴',
  warning: '🟡',
  skipped: '⚪',
  error: '🟣',
};

/** Inline text: redacted, then escaped. */
const md = (value: string | number): string => escapeMarkdown(redactText(String(value)));
/** Inline code: redacted, backticks kept literal by a longer delimiter. */
const code = (value: string): string => {
  const text = redactText(value).replace(/[\r\n]+/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return `${fence} ${text} ${fence}`;
};

export function summaryMarkdown(results: RunResults): string {
  const { run, summary } = results;
  const headline =
    summary.failed > 0
      ? `${MARK.failed} failed`
      : summary.errors > 0 || results.runErrors.length > 0
        ? `${MARK.error} incomplete (the run could not check everything)`
        : summary.warnings > 0
          ? `${MARK.warning} passed with warnings`
          : `${MARK.passed} passed`;
  return [
    `## CIS conformance: ${headline}`,
    '',
    `Target ${code(run.target)} · seed ${code(String(run.seed))} · run ${code(run.id)}${run.shard ? ` · shard ${md(run.shard)}` : ''} · ${run.strict ? 'strict' : 'default'} mode · ${md(formatDuration(run.durationMs))}`,
    '',
    ...(run.choices && run.choices.length > 0
      ? [
          `The reference ran with ${run.choices.length} choices (the other defensible side on points the docs leave open; docs/decisions.md "Choices"): each warning below names the choice that explains it.`,
          '',
        ]
      : []),
    `| ${DISPLAY_ORDER.map((verdict) => `${MARK[verdict]} ${verdict}`).join(' | ')} | checks |`,
    `|${DISPLAY_ORDER.map(() => '---:|').join('')}---:|`,
    `| ${DISPLAY_ORDER.map((verdict) => countOf(summary, verdict)).join(' | ')} | ${totalOf(summary)} |`,
    '',
    ...results.runErrors.map((message) => `> ${MARK.error} **Run error:** ${md(firstLine(message, 500))}`),
    ...(results.runErrors.length > 0 ? [''] : []),
    ...matrixTable(results.checks),
    ...findingsList(results.checks, run.choices ?? []),
    ...observationsList(results),
    results.uncovered.length > 0
      ? `**${results.uncovered.length} uncovered requirements** (no check reached them; see \`results.json\` \`uncovered[]\`).`
      : 'Every catalog requirement was reached by a check.',
    '',
    `<sub>${md(results.tool.name)} ${md(results.tool.version)} · ${md(countsSentence(summary))}</sub>`,
    '',
  ].join('\n');
}

function matrixTable(checks: readonly CheckRecord[]): string[] {
  const matrix = conformanceMatrix(checks);
  if (matrix.operations.length === 0) return ['_No checks ran._', ''];
  const rows = matrix.operations.map((operation) => {
    const cells = matrix.families.map((family) => {
      const cell = matrix.cell(operation, family);
      return cell ? `${MARK[cell.worst]} ${compactCounts(cell.counts)}` : '·';
    });
    return `| ${md(operationKey(operation))} | ${cells.join(' | ')} |`;
  });
  return [
    '### Conformance matrix',
    '',
    `| operation | ${matrix.families.join(' | ')} |`,
    `|---|${matrix.families.map(() => '---').join('|')}|`,
    ...rows,
    '',
    `<sub>${DISPLAY_ORDER.map((verdict) => `${VERDICT_SYMBOLS[verdict]} ${verdict}`).join(' · ')}; the mark shows the worst verdict in the cell (◇ observed: the check only recorded what the target did where the docs are silent).</sub>`,
    '',
  ];
}

/** The active choices whose flipped requirements a check names as broken. */
function explainingChoices(check: CheckRecord, choices: NonNullable<RunResults['run']['choices']>): string[] {
  const broken = brokenRules(check.message);
  return choices.filter((c) => broken.some((id) => c.flips.includes(id))).map((c) => c.name);
}

function findingsList(checks: readonly CheckRecord[], choices: NonNullable<RunResults['run']['choices']>): string[] {
  const findings = findingsOf(checks);
  if (findings.length === 0) return [];
  const shown = findings.slice(0, MAX_FINDINGS);
  return [
    `### Failures, warnings and errors (${findings.length})`,
    '',
    ...shown.flatMap((check) => [
      `<details><summary>${MARK[check.verdict]} <b>${md(check.requirement)}</b> ${md(check.operation)}: ${md(check.title)}${check.cell ? ` (${md(check.cell)})` : ''}</summary>`,
      '',
      md(firstLine(check.message, 1000)),
      '',
      ...(choices.length > 0 && check.verdict === 'warning'
        ? [
            `Explained by the choice ${explainingChoices(check, choices).map(code).join(', ') || '(none: a finding to look at)'}.`,
            '',
          ]
        : []),
      markdownCodeBlock(redactText(check.reproduction.command), 'sh'),
      ...(check.reproduction.curl ? ['', markdownCodeBlock(redactText(check.reproduction.curl), 'sh')] : []),
      '',
      '</details>',
      '',
    ]),
    ...(findings.length > shown.length ? [`… and ${findings.length - shown.length} more in \`index.html\`.`, ''] : []),
  ];
}

function observationsList(results: RunResults): string[] {
  if (results.observations.length === 0) return [];
  const shown = results.observations.slice(0, MAX_OBSERVATIONS);
  return [
    `### Observations (${results.observations.length})`,
    '',
    '| requirement | operation | question | observed |',
    '|---|---|---|---|',
    ...shown.map((o) => `| ${md(o.requirement)} | ${md(o.operation)} | ${md(o.question)} | ${md(o.observed)} |`),
    ...(results.observations.length > shown.length
      ? ['', `… and ${results.observations.length - shown.length} more in \`index.html\`.`]
      : []),
    '',
  ];
}

export function createMarkdownReporter(): Reporter {
  return {
    reportFile: REPORT_FILES.markdown,
    onEvent: () => undefined,
    finish: async (results, reportDir) => [
      await writeReportFile(reportDir, REPORT_FILES.markdown, summaryMarkdown(results)),
    ],
  };
}
