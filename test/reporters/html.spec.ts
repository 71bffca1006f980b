import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/model/checkRecord.js';
import { reportHtml } from '../../src/reporters/html.js';
import { escapeHtml } from '../../src/reporters/escape.js';
import { HOSTILE, loadResults, withCheck } from './fixtures.js';

const results = loadResults('run-mixed');
/** Markup with the formatting whitespace between tags removed, so assertions read as the structure. */
const flat = (html: string): string => html.replace(/>\s+</g, '><').replace(/\s*\n\s*/g, ' ');
const page = flat(reportHtml(results));

/** The markup of the element with this id up to the next `</section>` (sections do not nest). */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start === -1) throw new Error(`no section #${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('index.html is one self-contained file', () => {
  it('loads nothing from anywhere: no external URL in src/href, no link, img or iframe, and a CSP that forbids it', () => {
    expect(page).not.toMatch(/\s(?:src|href|action)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(page).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page.match(/<style\b/g)).toHaveLength(1);
  });
});

describe('index.html content', () => {
  it('has a header with run id, target, seed and totals', () => {
    const header = page.slice(page.indexOf('<header'), page.indexOf('</header>'));
    expect(header).toContain('r-7f3a9c');
    expect(header).toContain('http://127.0.0.1:40123');
    expect(header).toContain('<dd class="mono">1234</dd>');
    expect(header).toContain('<div class="tile v-failed" data-total="failed"><b>4</b>failed </div>');
    expect(header).toContain('Failed: 4 checks failed');
  });

  it('has the conformance matrix: one row per operation, cells coloured by their worst verdict', () => {
    const matrix = section(page, 'matrix');
    expect(matrix.match(/<tr data-operation=/g)).toHaveLength(9);
    expect(matrix).toContain('<td class="cell v-failed" data-family="contract" data-worst="failed">');
    expect(matrix).toMatch(
      /<tr data-operation="GET \/v1\/consents\/me">.*<td class="cell v-error" data-family="token-types"/,
    );
    expect(matrix).toMatch(
      /<tr data-operation="GET \/v1\/clients">.*<td class="cell v-warning" data-family="contract"/,
    );
    expect(matrix).toContain('No checks of these families in this run: pact.');
  });

  it('has per-operation token-type and permission matrices whose rows are the cell labels', () => {
    const operations = section(page, 'operations');
    expect(operations.match(/<details class="op"/g)).toHaveLength(9);
    const create = operations.slice(
      operations.indexOf('<details class="op" id="op-CLIENTS-CREATE"'),
      operations.indexOf('id="op-CLIENTS-LIST"'),
    );
    expect(create).toMatch(/^<details class="op" id="op-CLIENTS-CREATE" open>/);
    expect(create).toContain(
      '<tr class="label-row" data-worst="failed"><td class="label">user token</td><td><span class="chip v-failed">✗ failed</span></td>',
    );
    expect(create).toContain('<td class="label">[appId]:edit</td>');
    expect(operations).toMatch(/<details class="op" id="op-CLIENTS-GET" >/);
  });

  it('lists failures, warnings and errors, each expandable to message, reproduction and exchanges', () => {
    const findings = section(page, 'findings');
    const details = findings.match(/<details class="finding[\s\S]*?<\/details>/g) ?? [];
    expect(details.map((d) => /data-verdict="(\w+)"/.exec(d)?.[1])).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
      'error',
      'warning',
      'warning',
      'warning',
    ]);
    const first = details[0]!;
    expect(first).toContain(
      '<pre class="message">observed 201 with a body that does not match client-oidc.schema.json',
    );
    expect(first).toContain(
      '<pre class="command">npx cis-conformance run --check CLIENTS-CREATE-201 --seed 1234 --target http://127.0.0.1:40123</pre>',
    );
    expect(first).toContain('<pre class="curl">curl -sS -X POST');
    expect(first).toContain('<b>← 201</b>');
    expect(first).toContain('&quot;token id_token&quot;');
    expect(details[4]).toContain('<b>← no response</b>');
    expect(details[4]).toContain('UND_ERR_HEADERS_TIMEOUT');
  });

  it('has the observations and uncovered requirements tables and the skip reasons', () => {
    expect(section(page, 'observations').match(/<tr><td class="nowrap">/g)).toHaveLength(16);
    expect(section(page, 'uncovered')).toContain(
      'delete-all runs only with --allow-destructive --disposable-app APP_ID',
    );
    expect(section(page, 'skipped')).toContain('skipped: the target has no state hook');
  });

  it('shows run errors when there are any', () => {
    expect(flat(reportHtml({ ...results, runErrors: ['target unreachable'] }))).toMatch(
      /id="run-errors"[\s\S]*target unreachable/,
    );
    expect(page).not.toContain('id="run-errors"');
  });
});

describe('index.html escapes everything a target or a check can put in it', () => {
  function hostileResults(hostile: string): RunResults {
    const base = withCheck(results, 0, {
      title: hostile,
      cell: hostile,
      message: hostile,
      requirement: hostile,
      operation: `POST ${hostile}`,
      id: hostile,
      reproduction: { seed: 1, command: hostile, curl: hostile, path: hostile },
      exchanges: [
        {
          request: { method: hostile, url: hostile, headers: { [hostile]: hostile }, body: hostile },
          response: { status: 500, headers: { 'content-type': hostile }, body: { [hostile]: [hostile] } },
          error: hostile,
          durationMs: 1,
        },
      ],
    });
    return {
      ...base,
      run: { ...base.run, id: hostile, target: hostile, suites: [hostile], shard: hostile, startedAt: hostile },
      tool: { name: 'cis-conformance', version: hostile },
      observations: [
        { requirement: hostile, operation: hostile, question: hostile, observed: hostile, checkId: hostile },
      ],
      uncovered: [{ requirement: hostile, operation: hostile, reason: hostile }],
      runErrors: [hostile],
    };
  }

  it.each(HOSTILE)('%j never appears as markup', (hostile) => {
    const out = reportHtml(hostileResults(hostile));
    expect(out.match(/<script\b/g)).toHaveLength(1);
    expect(out).not.toMatch(/<(?:img|svg)\b/i);
    expect(out).not.toMatch(/["']\s*on\w+=/i);
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    // The page still has exactly the structure of the clean report: nothing was closed early.
    expect(out.match(/<details\b/g)?.length).toBe(out.match(/<\/details>/g)?.length);
    expect(out.match(/<pre\b/g)?.length).toBe(out.match(/<\/pre>/g)?.length);
    if (!/[\u0000-\u001F\ud800-\udfff\ufffe]/.test(hostile)) expect(out).toContain(escapeHtml(hostile.split('\n')[0]!));
  });
});
