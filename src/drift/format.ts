/** The drift as console text or as markdown (a CI job summary). Every string is redacted once more on the way out. */
import { redactText } from '../http/index.js';
import { driftExitCode, type CheckChange, type Drift, type ObservationChange } from './diff.js';

const MAX_MESSAGE = 240;

interface Section<T> {
  readonly title: string;
  readonly items: readonly T[];
}

function sections(drift: Drift) {
  return {
    checks: [
      { title: 'New failures', items: drift.newFailures },
      { title: 'Fixes', items: drift.fixes },
      { title: 'Other verdict changes', items: drift.otherChanges },
      { title: 'New checks', items: drift.newChecks },
      { title: 'Removed checks', items: drift.removedChecks },
    ] satisfies Section<CheckChange>[],
    observations: [
      { title: 'Changed observations', items: drift.changedObservations },
      { title: 'New observations', items: drift.addedObservations },
      { title: 'Observations no longer made', items: drift.removedObservations },
    ] satisfies Section<ObservationChange>[],
  };
}

const oneLine = (text: string): string => {
  const flat = redactText(text).replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE)}…` : flat;
};
const verdicts = (c: CheckChange): string => `${c.from ?? 'new'} → ${c.to ?? 'gone'}`;
const answer = (value: string | undefined): string =>
  value === undefined ? '(not asked)' : JSON.stringify(oneLine(value));

export function headline(drift: Drift): string {
  const counts = [
    `${drift.newFailures.length} new failure(s)`,
    `${drift.fixes.length} fix(es)`,
    `${drift.newChecks.length} new check(s)`,
    `${drift.removedChecks.length} removed check(s)`,
    `${drift.changedObservations.length} changed observation(s)`,
  ].join(', ');
  return driftExitCode(drift) === 1 ? `DRIFT: ${counts}` : `No drift that needs attention: ${counts}`;
}

export function formatDriftText(drift: Drift): string {
  const lines = [
    `Drift from run ${drift.older.id} (${drift.older.startedAt}, ${drift.older.target}) to run ${drift.newer.id} (${drift.newer.startedAt}, ${drift.newer.target})`,
    headline(drift),
  ];
  const { checks, observations } = sections(drift);
  for (const section of checks) {
    if (section.items.length === 0) continue;
    lines.push('', `${section.title} (${section.items.length}):`);
    for (const c of section.items) {
      lines.push(`  ${c.id} [${c.requirement}] ${verdicts(c)}${c.message ? `: ${oneLine(c.message)}` : ''}`);
    }
  }
  for (const section of observations) {
    if (section.items.length === 0) continue;
    lines.push('', `${section.title} (${section.items.length}):`);
    for (const o of section.items) {
      lines.push(`  ${o.requirement} (${o.checkId}) ${oneLine(o.question)}: ${answer(o.from)} → ${answer(o.to)}`);
    }
  }
  return lines.join('\n');
}

/** Markdown table cells: pipes and newlines would break the row. */
const cell = (text: string): string => oneLine(text).replace(/\|/g, '\\|');

export function formatDriftMarkdown(drift: Drift): string {
  const lines = [
    '## cis-conformance drift',
    '',
    `Run \`${drift.older.id}\` (${drift.older.startedAt}) → run \`${drift.newer.id}\` (${drift.newer.startedAt}) on \`${drift.newer.target}\``,
    '',
    `**${headline(drift)}**`,
  ];
  const { checks, observations } = sections(drift);
  for (const section of checks) {
    if (section.items.length === 0) continue;
    lines.push(
      '',
      `### ${section.title} (${section.items.length})`,
      '',
      '| check | requirement | verdict | message |',
      '|---|---|---|---|',
    );
    for (const c of section.items) {
      lines.push(`| \`${cell(c.id)}\` | ${cell(c.requirement)} | ${verdicts(c)} | ${cell(c.message)} |`);
    }
  }
  for (const section of observations) {
    if (section.items.length === 0) continue;
    lines.push(
      '',
      `### ${section.title} (${section.items.length})`,
      '',
      '| requirement | question | before | now |',
      '|---|---|---|---|',
    );
    for (const o of section.items) {
      lines.push(`| ${cell(o.requirement)} | ${cell(o.question)} | ${cell(answer(o.from))} | ${cell(answer(o.to))} |`);
    }
  }
  return lines.join('\n');
}
