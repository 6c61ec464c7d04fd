/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Browser code runs inside Chromium (page.evaluate): the DOM types are for those callbacks.
import { cpSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import type { PageModel } from '../../packages/nx-governance/src/lib/page/page-model';
import { ARTIFACTS, missingBrowser, openBrowser } from '../helpers/browser';
import { SCRIPT_TITLE, LARGE_SIZE, writeLargeGovernance } from '../helpers/large-governance';
import { REPO_ROOT, servedFromCache, TestWorkspace } from '../helpers/workspace';

const PAGE = 'reports/governance-page.html';
const AS_OF = '2026-12-01';
const missing = missingBrowser();

type Seen = { consoleErrors: string[]; requests: string[] };

/** What every page must do in a real browser, at both widths; returns what it saw. */
async function checkInBrowser(context: BrowserContext, file: string, model: PageModel, name: string, tabThrough: boolean): Promise<Seen> {
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const seen: Seen = { consoleErrors: [], requests: [] };
  page.on('console', (message) => message.type() === 'error' && seen.consoleErrors.push(message.text()));
  page.on('pageerror', (error) => seen.consoleErrors.push(error.message));
  page.on('request', (request) => seen.requests.push(request.url()));
  // Anything but the page itself is refused: the file must need nothing else.
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);

  // One grid cell per core release and consumer, with the tiers the JSON gives, in order.
  const cores = [...new Set(model.matrix!.cells.map((c) => c.core))];
  const grid = await page.$$eval('td.cell', (tds) => tds.map((td) => ({ core: td.getAttribute('data-core'), consumer: td.getAttribute('data-consumer'), tiers: [...td.querySelectorAll('[data-tier]')].map((b) => `${b.getAttribute('data-version') ?? 'any'}:${b.getAttribute('data-tier')}`) })));
  expect(grid).toHaveLength(cores.length * model.matrix!.consumers.length);
  for (const cell of grid) {
    expect(cell.tiers).toEqual(model.matrix!.cells.filter((c) => c.core === cell.core && c.consumer === cell.consumer).map((c) => `${c.consumerVersion}:${c.tier}`));
  }

  // The reason shows on focus and on hover.
  const firstBadge = page.locator('td.cell [data-tier]').first();
  await firstBadge.focus();
  await expect(page.locator('td.cell .tip').first().isVisible()).resolves.toBe(true);
  await page.locator('td.cell [data-tier]').nth(1).hover();
  await expect(page.locator('td.cell .tip').nth(1).isVisible()).resolves.toBe(true);

  // Every evidence link takes keyboard focus: by Tab on the small page, by focus() on the large one.
  const links = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href')));
  expect(links.length).toBeGreaterThan(0);
  if (tabThrough) {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<string>();
    const focusable = await page.$$eval('a[href], [tabindex="0"]', (els) => els.length);
    for (let i = 0; i < focusable + 2; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => document.activeElement?.closest('main') && document.activeElement.getAttribute('href'));
      if (href) reached.add(href);
    }
    expect([...new Set(links)].filter((href) => !reached.has(href!))).toEqual([]);
  } else {
    const unfocusable = await page.$$eval('main a[href]', (as) => as.filter((a) => ((a as HTMLElement).focus(), document.activeElement !== a)).length);
    expect(unfocusable).toBe(0);
  }

  // A <script> from the data shows as text and never runs.
  await expect(page.getByText(SCRIPT_TITLE).first().isVisible()).resolves.toBe(true);
  await expect(page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).resolves.toBeUndefined();

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Readable at the width: the page never scrolls sideways; only the grid does, inside its frame.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      for (const frame of document.querySelectorAll('.wrap')) frame.scrollLeft = 0;
    });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: name === 'page' });
  }
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav').isVisible()).resolves.toBe(false);
  await page.close();
  await context.unroute('**/*');
  return seen;
}

(missing && process.env.CI !== 'true' ? describe.skip : describe)('governance:page', () => {
  if (missing) {
    // In CI a missing browser is a failure, never a silent skip.
    it('has a browser to run in', () => {
      throw new Error(missing);
    });
    return;
  }
  let context: BrowserContext;
  let close: () => Promise<void>;
  beforeAll(async () => ({ context, close } = await openBrowser()));
  afterAll(async () => close?.());

  it('writes one self-contained page of the bundled workspace, equal to the JSON reports of the same run, cached', async () => {
    const workspace = TestWorkspace.create();
    try {
      // A frozen copy of the evidence the bundled workspace's runs once wrote (the repository no longer tracks its own).
      cpSync(join(REPO_ROOT, 'packages/nx-governance/test-fixtures/bundled-evidence'), workspace.path('evidence'), { recursive: true });
      workspace.edit('governance/gates.json', '"title": "Governance data is valid"', `"title": ${JSON.stringify(SCRIPT_TITLE)}`);
      workspace.commit('evidence and a title holding a script');
      const run = workspace.nx('run', 'governance:page', '--json=reports/page.json', `--asOf=${AS_OF}`);
      expect(run.code).toBe(0);
      expect(run.output).toContain(workspace.path(PAGE));
      const model = JSON.parse(workspace.read('reports/page.json')) as PageModel;

      // The same numbers as the JSON reports: the cadence report and the matrix nx sync renders.
      expect(workspace.nx('run', 'governance:cadence', '--json=reports/cadence.json', `--asOf=${AS_OF}`).code).toBe(0);
      const { kind: _kind, ...cadence } = JSON.parse(workspace.read('reports/cadence.json'));
      expect(model.cadence).toEqual(cadence);
      expect(workspace.nx('sync').code).toBe(0);
      expect(model.matrix).toEqual(JSON.parse(workspace.read('docs/execution-plan/COMPATIBILITY-MATRIX.json')));

      const seen = await checkInBrowser(context, workspace.path(PAGE), model, 'page', true);
      expect(seen.consoleErrors).toEqual([]);
      expect(seen.requests).toEqual([pathToFileURL(workspace.path(PAGE)).href]);

      // Nothing changed: Nx restores the page instead of writing it again.
      workspace.delete(PAGE);
      const again = workspace.nx('run', 'governance:page', '--json=reports/page.json', `--asOf=${AS_OF}`);
      expect(servedFromCache(again, 'governance:page')).toBe(true);
      expect(workspace.exists(PAGE)).toBe(true);
    } finally {
      workspace.remove();
    }
  });

  it(`stays light and correct at ${LARGE_SIZE.consumers} consumers by ${LARGE_SIZE.releases} releases`, async () => {
    const workspace = TestWorkspace.create();
    try {
      writeLargeGovernance(workspace.root);
      workspace.commit('a large workspace');
      const run = workspace.nx('run', 'governance:page', '--json=reports/page.json', `--asOf=${AS_OF}`);
      expect(run.code).toBe(0);
      expect(statSync(workspace.path(PAGE)).size).toBeLessThan(1_000_000);
      const model = JSON.parse(readFileSync(workspace.path('reports/page.json'), 'utf8')) as PageModel;
      expect(new Set(model.matrix!.cells.map((c) => c.core)).size).toBe(LARGE_SIZE.releases);
      expect(model.matrix!.consumers).toHaveLength(LARGE_SIZE.consumers);
      const seen = await checkInBrowser(context, workspace.path(PAGE), model, 'page-large', false);
      expect(seen.consoleErrors).toEqual([]);
      expect(seen.requests).toEqual([pathToFileURL(workspace.path(PAGE)).href]);
    } finally {
      workspace.remove();
    }
  });
});
