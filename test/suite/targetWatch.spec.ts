import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/http/index.js';
import { CheckCouldNotRun } from '../../src/model/checkSignals.js';
import { signalStop, silenceMs, stopReason, watchTarget } from '../../src/suite/targetWatch.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cis-watch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const worker = (name: string, answeredAt: number | null, waitingSince: number | null): void =>
  writeFileSync(join(dir, `w-${name}.json`), JSON.stringify({ answeredAt, waitingSince }));

describe('silenceMs', () => {
  it('is 0 while nothing waits, however long ago the last answer was', () => {
    expect(silenceMs(dir, 0, 10_000)).toBe(0);
    worker('1', 1_000, null);
    expect(silenceMs(dir, 0, 10_000)).toBe(0);
  });

  it('counts from the oldest unanswered request, but never from before watching began', () => {
    worker('1', 1_000, 2_000);
    expect(silenceMs(dir, 0, 5_000)).toBe(3_000);
    expect(silenceMs(dir, 4_000, 5_000)).toBe(1_000);
  });

  it('an answer to another worker is no silence: one slow request does not end the run', () => {
    worker('1', 1_000, 2_000);
    worker('2', 4_500, null);
    expect(silenceMs(dir, 0, 5_000)).toBe(500);
  });

  it('a worker answered after it waited is not waiting', () => {
    worker('1', 3_000, 2_000);
    expect(silenceMs(dir, 0, 5_000)).toBe(0);
  });
});

describe('watchTarget', () => {
  const answer = { status: 200 } as HttpResponse;

  it('notes an answer for the main process, and refuses to send once the run is stopped', async () => {
    const sent: string[] = [];
    const send = watchTarget(dir, 1_000, async (request) => {
      sent.push(request.url);
      return answer;
    });
    await expect(send({ method: 'GET', url: 'http://t/a', headers: {} })).resolves.toBe(answer);
    const files = readdirSync(dir);
    expect(files).toEqual([`w-${process.pid}.json`]);
    expect(JSON.parse(readFileSync(join(dir, files[0] ?? ''), 'utf8'))).toMatchObject({ waitingSince: null });

    expect(stopReason(dir)).toBeUndefined();
    signalStop(dir, 'interrupted');
    expect(stopReason(dir)).toBe('interrupted');
    const refused = send({ method: 'GET', url: 'http://t/b', headers: {} });
    await expect(refused).rejects.toBeInstanceOf(CheckCouldNotRun);
    await expect(refused).rejects.toThrow('not finished: interrupted');
    expect(sent).toEqual(['http://t/a']);
  });

  it('marks a worker waiting once a request has been out half a time-out', async () => {
    let release: () => void = () => undefined;
    const send = watchTarget(dir, 40, () => new Promise<HttpResponse>((resolve) => (release = () => resolve(answer))));
    const pending = send({ method: 'GET', url: 'http://t/slow', headers: {} });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(silenceMs(dir, 0)).toBeGreaterThan(0);
    release();
    await pending;
    expect(silenceMs(dir, 0)).toBe(0);
  });

  it('passes requests straight through when the run has no watch folder', async () => {
    const inner = async (): Promise<HttpResponse> => answer;
    expect(watchTarget(undefined, 1_000, inner)).toBe(inner);
  });
});
