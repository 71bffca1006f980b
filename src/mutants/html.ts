import { escapeHtml } from '../reporters/escape.js';
import { cleanRunLine, mutantsSummaryLines, seconds } from './table.js';
import type { FaultOutcome, MutantsReport } from './types.js';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d1d1f;max-width:80rem}
h1{font-size:1.4rem;margin:0 0 .3rem}
p.meta{color:#555;margin:.2rem 0}
table{border-collapse:collapse;width:100%;margin-top:1rem}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f6;font-weight:600}
td.num{text-align:right;white-space:nowrap}
tr.survived td{background:#fdecec}
.killed{color:#146c2e;font-weight:600}
.survived-label{color:#b3261e;font-weight:700}
code{font:12px ui-monospace,monospace;white-space:nowrap}
details code{white-space:normal;word-break:break-word}
code.own{font-weight:700}
details summary{cursor:pointer;color:#555}
`;

/** `reports/mutants/index.html`: one self-contained page (no scripts, no external assets); all text escaped. */
export function mutantsHtml(report: MutantsReport): string {
  const rows = report.faults.map(faultRow).join('\n');
  const notRun = report.notRun.map((name) => `<li><code>${escapeHtml(name)}</code></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cis-conformance mutation report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Mutation report: ${report.score.killed}/${report.score.total} seeded faults killed</h1>
${[cleanRunLine(report.clean), ...mutantsSummaryLines(report)].map((l) => `<p class="meta">${escapeHtml(l)}</p>`).join('\n')}
<p class="meta">seed ${report.seed} · suites ${escapeHtml(report.suites.join(', ') || 'all')} · ${
    report.failFast ? 'fail-fast' : 'every selected check run'
  } · generated ${escapeHtml(report.generatedAt)} · cis-conformance ${escapeHtml(report.tool.version)}</p>
<p class="meta">Bold ids are the fault's own rules (its <code>violates</code> list). Time and requests count from the
start of the killing run to its first failed check.</p>
<table>
<thead><tr><th>fault</th><th>area</th><th>result</th><th>killed by</th><th>stage</th><th>to 1st failure</th><th>requests</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${notRun ? `<p class="meta">Not run (stopped early):</p><ul>${notRun}</ul>` : ''}
</body>
</html>
`;
}

function faultRow(outcome: FaultOutcome): string {
  const ids = outcome.killedBy
    .map((id) => `<code${outcome.violates.includes(id) ? ' class="own"' : ''}>${escapeHtml(id)}</code>`)
    .join(' ');
  const killing = outcome.attempts.find((a) => a.failed.length > 0);
  const first = killing?.failed[0];
  const detail = first
    ? `<details><summary>first failure</summary><code>${escapeHtml(first.checkId)}</code><br>${escapeHtml(first.message)}</details>`
    : outcome.ownUncovered.length > 0
      ? `<details><summary>own rules no check covers</summary>${outcome.ownUncovered.map((id) => `<code>${escapeHtml(id)}</code>`).join(' ')}</details>`
      : '';
  const result = outcome.notApplicable
    ? 'not applicable (an active choice takes its side)'
    : outcome.killed
      ? '<span class="killed">killed</span>'
      : '<span class="survived-label">SURVIVED</span>';
  const stage = killing
    ? `${killing.stage}${killing.strict ? ' (strict)' : ''}`
    : outcome.attempts.map((a) => a.stage).join(' + ');
  return `<tr${outcome.killed || outcome.notApplicable ? '' : ' class="survived"'}><td><code>${escapeHtml(outcome.fault)}</code><br><small>${escapeHtml(
    outcome.description,
  )}</small></td><td>${escapeHtml(outcome.area)}</td><td>${result}</td><td>${ids}${detail}</td><td>${escapeHtml(
    stage,
  )}</td><td class="num">${outcome.firstFailure ? seconds(outcome.firstFailure.afterMs) : '—'}</td><td class="num">${
    outcome.firstFailure ? outcome.firstFailure.requests : '—'
  }</td></tr>`;
}
