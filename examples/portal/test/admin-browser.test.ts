/**
 * In Chromium: each admin page used as an admin uses it (no script: forms and redirects),
 * the answer form prefilled after a return for rework, and a template filling it.
 */
import type { Principal } from '@reshaem/core';
import { demoUsers } from '@reshaem/core/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowserSession, skipBrowserTests } from './browser-session.js';

describe.skipIf(skipBrowserTests)('the admin pages and the answer form in Chromium', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let base = '';

  beforeAll(async () => {
    session = await openBrowserSession();
    ({ page, base } = session);
  }, 90_000);
  afterAll(async () => {
    await session?.close();
  });

  const open = () => {
    if (!session) throw new Error('the browser session did not start');
    return session;
  };
  /** The refusal is on screen above the heading, without scrolling. */
  const refusalOnTop = async () => {
    const refusal = await page.locator('[data-refusal]').boundingBox();
    const heading = await page.locator('h1').boundingBox();
    expect(refusal).not.toBeNull();
    expect((refusal?.y ?? 9999) + (refusal?.height ?? 0)).toBeLessThan(860);
    expect(refusal?.y ?? 9999).toBeLessThan(heading?.y ?? 0);
  };

  it('users and roles: reached from the nav', async () => {
    await open().signInAs(demoUsers.adminRoads.id);
    await page.click('header nav a[href="/admin"]');
    await page.waitForURL(`${base}/admin/kam-roads/users`);
    expect(await page.locator('[data-user]').count()).toBeGreaterThan(4);
    expect(await page.locator(`[data-user="${demoUsers.headRoads.id}"]`).textContent()).toContain(
      'Руководитель',
    );
  });

  it('answer templates: a refused template keeps its text, the fixed one is saved', async () => {
    await page.goto(`${base}/admin/kam-roads/answer-templates`);
    await page.click('a[href$="/answer-templates/new"]');
    await page.fill('input[name="name"]', 'Отказ: не наша дорога');
    await page.selectOption('select[name="answerType"]', 'declined');
    await page.fill('textarea[name="body"]', 'Уважаемый(ая) {{ФИО}}! Дорога не наша.');
    await page.click('button:has-text("Сохранить")');
    expect(await page.locator('[data-refusal]').textContent()).toContain(
      'неизвестная подстановка «ФИО»',
    );
    await refusalOnTop();
    expect(await page.inputValue('input[name="name"]')).toBe('Отказ: не наша дорога');
    expect(await page.inputValue('select[name="answerType"]')).toBe('declined');
    await page.fill('textarea[name="body"]', 'Уважаемый(ая) {{ФИО Заявителя}}! Дорога не наша.');
    await page.click('button:has-text("Сохранить")');
    await page.waitForURL(/answer-templates\?saved=/);
    expect(await page.locator('.flash.ok').textContent()).toContain('Отказ: не наша дорога');
    const saved = await open().portal.store.loadAnswerTemplates('kam-roads');
    expect(saved.map((t) => t.name)).toContain('Отказ: не наша дорога');
  });

  it('autorules: the dry run lists recent messages, then the rule is saved', async () => {
    await page.goto(`${base}/admin/kam-roads/autorules/new`);
    await page.fill('input[name="name"]', 'Дворы — Морозовой');
    await page.selectOption('select[name="subcategoryIds"]', ['potholes']);
    await page.selectOption('select[name="factIds"]', ['pothole-yard']);
    await page.selectOption('select[name="executorId"]', demoUsers.executorRoads2.id);
    await page.click('button[value="dry-run"]');
    const rows = page.locator('[data-dry-run] [data-trial]');
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await page.locator('[data-dry-run]').textContent()).toContain('не подходит: факт');
    expect(await page.inputValue('input[name="name"]')).toBe('Дворы — Морозовой');
    expect(await open().portal.store.loadAutorules('kam-roads')).toEqual([]);
    await page.click('button[value="save"]');
    await page.waitForURL(/autorules\?saved=/);
    expect(await page.locator('[data-rule]').textContent()).toContain('Дворы — Морозовой');
    await page.click('[data-rule] button:has-text("Выключить")');
    await page.waitForURL(/autorules\?saved=/);
    expect(await page.locator('[data-rule]').textContent()).toContain('Выключено');
  });

  it('notifications: a staff notification saved with its addresses', async () => {
    await page.goto(`${base}/admin/kam-roads/notifications/new`);
    await page.fill('input[name="name"]', 'Новое в министерстве');
    await page.fill('textarea[name="emails"]', 'duty@roads.example\nhead@roads.example');
    await page.fill(
      'textarea[name="body"]',
      'Сообщение № {{Номер сообщения}}: {{Категория сообщения}}',
    );
    await page.click('button:has-text("Сохранить")');
    await page.waitForURL(/notifications\?saved=/);
    expect(await page.locator('[data-notification]').textContent()).toContain('duty@roads.example');
  });

  it('after a return for rework the answer form holds the draft; a template fills it', async () => {
    const { portal } = open();
    const executor = portal.store.directory.user(demoUsers.executorRoads.id) as Principal;
    const { items } = await portal.store.list(executor, { statuses: ['in_work'], limit: 20 });
    const message = items.find((m) => m.snapshot.context.executorId === executor.id);
    expect(message).toBeDefined();
    const path = `/messages/${message?.id}`;

    await open().signInAs(executor.id, path);
    await page.fill('#answer textarea[name="text"]', 'Яму засыпали щебнем');
    await page.fill('#answer input[name="files"]', 'акт.pdf');
    await page.click('#answer button[type="submit"]');
    await page.waitForURL(/done=answer\.submit/);

    await open().signInAs(demoUsers.headRoads.id, path);
    await page.fill('form[data-event="answer.return"] textarea[name="comment"]', 'Нужен асфальт');
    await page.click('form[data-event="answer.return"] button[type="submit"]');
    await page.waitForURL(/done=answer\.return/);

    await open().signInAs(executor.id, path);
    expect(await page.inputValue('#answer textarea[name="text"]')).toBe('Яму засыпали щебнем');
    expect(await page.locator('#answer').textContent()).toContain('«Нужен асфальт»');
    const kept = page.locator('#answer [data-kept-files] input[type="checkbox"]');
    expect(await kept.isChecked()).toBe(true);

    // A template replaces the draft's text with the message's own values.
    await page.selectOption('select[name="template"]', 'kam-roads-pothole-fixed');
    await page.click('[data-templates] button');
    await page.waitForURL(/template=kam-roads-pothole-fixed/);
    const filled = await page.inputValue('#answer textarea[name="text"]');
    expect(filled).toContain(`Уважаемый(ая) ${message?.snapshot.context.applicant.name}!`);
    expect(filled).toContain(`№ ${message?.snapshot.context.number}`);

    await kept.uncheck();
    await page.click('#answer button[type="submit"]');
    await page.waitForURL(/done=answer\.submit/);
    const answer = (await portal.store.get(message?.id ?? ''))?.snapshot.context.answer;
    expect(answer?.text.replace(/\r\n/g, '\n')).toBe(filled); // a form sends CRLF
    expect(answer?.files).toEqual([]);
    expect(open().violations).toEqual([]);
  });
});
