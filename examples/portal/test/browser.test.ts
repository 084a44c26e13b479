import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowserSession, skipBrowserTests } from './browser-session.js';

describe.skipIf(skipBrowserTests)('the backoffice in Chromium', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let base = '';
  let shots = '';
  let violations: string[] = [];

  beforeAll(async () => {
    session = await openBrowserSession();
    ({ page, base, shots, violations } = session);
  }, 90_000);

  afterAll(async () => {
    await session?.close();
  });

  const signInAs = async (userId: string, then?: string) => {
    if (!session) throw new Error('the browser session did not start');
    await session.signInAs(userId, then);
  };

  const status = () => page.locator('h1 [data-status]').textContent();
  const holding = () => page.locator('[data-holding]').getAttribute('data-holding');

  /** Fills the event's form on the card and presses its button. */
  async function send(type: string, fields: Record<string, string> = {}) {
    const form = page.locator(`form[data-event="${type}"]`);
    for (const [name, value] of Object.entries(fields)) {
      const field = form.locator(`[name="${name}"]`).first();
      const tag = await field.evaluate((el) => el.tagName.toLowerCase());
      if (tag === 'select') await field.selectOption(value);
      else if ((await field.getAttribute('type')) === 'radio')
        await form.locator(`[name="${name}"][value="${value}"]`).check();
      else await field.fill(value);
    }
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(new RegExp(`done=${type.replace('.', '\\.')}`));
    expect(await page.locator('.flash.ok').textContent()).toContain('выполнено');
  }

  it('carries a message through its whole life, re-review included', async () => {
    // The applicant reports a pothole in Kamchatka.
    await signInAs('app-ivanov');
    expect(page.url()).toBe(`${base}/my`);
    await page.selectOption('select[name="orgId"]', 'kam-roads');
    await page.selectOption('select[name="subcategoryId"]', 'potholes');
    await page.selectOption('select[name="factId"]', 'pothole-street');
    await page.fill(
      'input[name="problemAddress"]',
      'г. Петропавловск-Камчатский, ул. Ленинская, 40',
    );
    await page.fill(
      'textarea[name="text"]',
      'Яма на ул. Ленинской у дома 40: за неделю в ней повредили колёса две машины.',
    );
    await page.click('form[data-form="submit"] button[type="submit"]');
    await page.waitForURL(/\/messages\/[^/?]+\?done=submit/);
    const card = new URL(page.url()).pathname;
    expect(await status()).toBe('На модерации');
    // The stylesheet the CSP allows by its hash is applied: the header's blue, the text's size.
    expect(
      await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(13, 76, 211)');
    expect(await page.locator('p.lead').evaluate((el) => getComputedStyle(el).fontSize)).toBe(
      '16px',
    );
    expect(await page.locator('form[data-event]').count()).toBe(0);

    await signInAs('mod-kam', card);
    await send('moderation.accept');
    expect(await status()).toBe('На координации');
    expect(await page.locator('[data-countdown]').textContent()).toMatch(
      /^\d+ д(ень|ня|ней) \d+ час.* \/ до 23:59 \d\d\.\d\d\.\d{4}$/,
    );

    await signInAs('coord-kam-roads', card);
    await send('executor.assign', { executorId: 'exec-kam-roads' });
    expect(await status()).toBe('Назначен исполнитель');

    await signInAs('exec-kam-roads', card);
    await send('work.take');
    expect(await status()).toBe('В работе');
    await send('answer.submit', {
      answerType: 'resolved',
      text: 'Яма заделана, фото прилагаем.',
      files: 'акт.pdf, фото.jpeg',
    });
    expect(await status()).toBe('На утверждении');

    await signInAs('head-kam-roads', card);
    await send('answer.approve');
    expect(await status()).toBe('Отправлен ответ заявителю');

    await signInAs('app-ivanov', card);
    await send('rating.submit', { score: '2', comment: 'Яму засыпали щебнем, она вернулась.' });
    expect(await status()).toBe('На координации');
    expect(await holding()).toBe('kam-gov');
    expect(await page.locator('h1').textContent()).toContain('Повторное рассмотрение');

    // The parent organisation finds it in «Возвращены».
    await signInAs('coord-kam-gov', '/backoffice?folder=returned');
    const id = card.split('/').at(-1) ?? '';
    expect(await page.locator(`tr[data-message="${id}"]`).count()).toBe(1);
    await page.goto(`${base}/backoffice`);
    await page.screenshot({ path: join(shots, 'backoffice.png') });
    await page.goto(`${base}/messages/demo-115`); // a seeded re-review: days of history
    await page.screenshot({ path: join(shots, 'message-card.png'), fullPage: true });
    await page.goto(`${base}${card}`);
    await send('executor.assign', { executorId: 'exec-kam-gov' });
    expect(await status()).toBe('Назначен исполнитель');

    await signInAs('exec-kam-gov', card);
    await send('work.take');
    await send('answer.submit', {
      answerType: 'resolved',
      text: 'Выбоина отремонтирована горячим асфальтом.',
    });
    expect(await status()).toBe('На утверждении');

    await signInAs('head-kam-gov', card);
    await send('answer.approve');
    expect(await status()).toBe('Отправлен ответ заявителю');

    await signInAs('app-ivanov', card);
    await send('rating.submit', { score: '5', comment: 'Спасибо!' });
    expect(await status()).toBe('Завершено');
    expect(await page.locator('form[data-event]').count()).toBe(0);
    const history = await page
      .locator('[data-history]')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-history')));
    // The applicant reads the steps that concern them: the organisations' own (assigning,
    // taking in work, drafting) stay with the organisations.
    expect(history).toEqual([
      'submit',
      'moderation.accept',
      'answer.approve',
      'rating.submit',
      'answer.approve',
      'rating.submit',
    ]);
    expect(violations).toEqual([]);
  }, 90_000);
});
