/**
 * axe-core in Chromium over the main pages: sign-in, the applicant's list and form, the
 * backoffice list, a message page (with the answer form), the ОНФ list and card, the
 * admin's pages and both dashboards («Показатели», «Показатели ОНФ») with their charts. No
 * serious or critical violation is allowed.
 */

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onfUsers } from '../src/seed/onf-world.js';
import { type BrowserSession, openBrowserSession, skipBrowserTests } from './browser-session.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe on the page as it is; the serious and critical violations, one line each. */
async function seriousViolations(page: Page, source: string): Promise<string[]> {
  // DevTools evaluation is not a page script: the pages' CSP (no script at all) allows it.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

describe.skipIf(skipBrowserTests)('accessibility (axe-core)', () => {
  let session: BrowserSession | undefined;
  let source = '';

  beforeAll(async () => {
    source = await readFile(axePath, 'utf8');
    session = await openBrowserSession();
  }, 90_000);
  afterAll(async () => {
    await session?.close();
  });

  const check = async (path: string) => {
    if (!session) throw new Error('the browser session did not start');
    await session.page.goto(`${session.base}${path}`);
    return { path, violations: await seriousViolations(session.page, source) };
  };
  const as = async (userId: string) => {
    if (!session) throw new Error('the browser session did not start');
    await session.signInAs(userId);
  };

  it('finds no serious or critical violation on the main pages', async () => {
    const results = [await check('/sign-in')];
    await as('app-ivanov');
    results.push(await check('/my'));
    await as('coord-kam-roads');
    results.push(await check('/backoffice'));
    results.push(await check('/messages/demo-101'));
    await as('exec-kam-roads');
    const [inWork] = await (session as BrowserSession).portal.store
      .list(
        (session as BrowserSession).portal.store.directory.user('exec-kam-roads') ?? {
          id: 'exec-kam-roads',
          roles: [],
        },
        { statuses: ['in_work'], limit: 1 },
      )
      .then((p) => p.items);
    if (inWork)
      results.push(await check(`/messages/${inWork.id}?template=kam-roads-pothole-fixed`));
    await as(onfUsers.supervisor41.id);
    results.push(await check('/onf'));
    results.push(await check('/onf/cases/onf-03'));
    results.push(await check('/analytics/onf'));
    await as('admin-kam-roads');
    for (const path of [
      '/admin/kam-roads/users',
      '/admin/kam-roads/autorules',
      '/admin/kam-roads/autorules/new',
      '/admin/kam-roads/notifications',
      '/admin/kam-roads/notifications/new',
      '/admin/kam-roads/answer-templates',
      '/admin/kam-roads/answer-templates/kam-roads-pothole-fixed',
    ]) {
      results.push(await check(path));
    }
    await as('head-kam-gov');
    results.push(await check('/analytics'));
    expect(inWork).toBeDefined();
    expect(results.length).toBe(16);
    expect(results.filter((r) => r.violations.length > 0)).toEqual([]);
    expect(session?.violations).toEqual([]);
  }, 120_000);
});
