/**
 * Opens index.html in Debian's headless Chromium (playwright-core drives the system binary; no browser
 * download) and checks that the report renders: matrix rows, verdict colours, expandable failures, filters.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/reporters/html.js';
import { loadResults } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SKIP_NOTE = hasChromium ? '' : ' [skipped: chromium not installed (apt-get install chromium)]';

let work = '';
let context: BrowserContext | undefined;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  work = await mkdtemp(path.join(tmpdir(), 'cis-html-render-'));
  const file = path.join(work, 'index.html');
  await writeFile(file, reportHtml(loadResults('run-mixed')));
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    viewport: { width: 1360, height: 1000 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) foreignRequests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href);
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Computed style of the first element matching a selector (a string expression: the tests compile without DOM types). */
async function style(selector: string, property: string): Promise<string> {
  return page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`);
}

describe('index.html in headless Chromium', () => {
  it.skipIf(!hasChromium)(`renders the matrix with a row per operation and verdict colours${SKIP_NOTE}`, async () => {
    await expect(page.locator('#matrix tbody tr').count()).resolves.toBe(9);
    await expect(page.locator('#matrix tbody tr').first().locator('th').innerText()).resolves.toContain('/v1/clients');
    for (const verdict of ['passed', 'failed', 'warning', 'skipped', 'error']) {
      expect(await page.locator(`#matrix td.cell.v-${verdict}`).count(), verdict).toBeGreaterThan(0);
    }
    expect(await style('#matrix td.cell.v-failed', 'backgroundColor')).toBe('rgb(255, 235, 233)');
    expect(await style('#matrix td.cell.v-passed', 'backgroundColor')).toBe('rgb(218, 251, 225)');
    // The matrix fits a 1360 px window without a horizontal scroll bar.
    expect(
      await page.evaluate(
        'document.querySelector("#matrix .wide").scrollWidth <= document.querySelector("#matrix .wide").clientWidth',
      ),
    ).toBe(true);
  });

  it.skipIf(!hasChromium)(`expands a failure to its message, reproduction and exchanges${SKIP_NOTE}`, async () => {
    const finding = page.locator('details.finding').first();
    await expect(finding.locator('pre.message').isVisible()).resolves.toBe(false);
    await finding.locator('summary').click();
    await expect(finding.getAttribute('open')).resolves.toBe('');
    await expect(finding.locator('pre.message').isVisible()).resolves.toBe(true);
    await expect(finding.locator('pre.command').innerText()).resolves.toContain(
      '--check CLIENTS-CREATE-201 --seed 1234',
    );
    await expect(finding.locator('.exchange').count()).resolves.toBe(1);
  });

  it.skipIf(!hasChromium)(`filters the findings with its inline script${SKIP_NOTE}`, async () => {
    await page.locator('button[data-filter-button="failed"]').click();
    await expect(page.locator('details.finding.v-warning').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('details.finding.v-failed').first().isVisible()).resolves.toBe(true);
    await page.locator('button[data-filter-button="all"]').click();
    await expect(page.locator('details.finding.v-warning').first().isVisible()).resolves.toBe(true);
  });

  it.skipIf(!hasChromium)(
    `runs without script errors or network requests, and can be captured${SKIP_NOTE}`,
    async () => {
      const screenshot = path.join(work, 'report.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect((await stat(screenshot)).size).toBeGreaterThan(50_000);
      expect(pageErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    },
  );
});
