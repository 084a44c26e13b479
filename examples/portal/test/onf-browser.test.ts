import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { caseFileOwner, SYSTEM_PRINCIPAL } from '@reshaem/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Portal } from '../src/portal.js';
import { onfUsers } from '../src/seed/onf-world.js';
import { type BrowserSession, openBrowserSession, skipBrowserTests } from './browser-session.js';

const PDF = Buffer.from('%PDF-1.7\n%âã\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

describe.skipIf(skipBrowserTests)('«ОНФ. Помощь» in Chromium', () => {
  let session: BrowserSession | undefined;
  let portal: Portal;
  let page: Page;
  let base = '';
  let shots = '';
  let violations: string[] = [];

  beforeAll(async () => {
    session = await openBrowserSession();
    ({ portal, page, base, shots, violations } = session);
  }, 90_000);

  afterAll(async () => {
    await session?.close();
  });

  const signInAs = (userId: string, then?: string) => openSession().signInAs(userId, then);
  const openSession = () => {
    if (!session) throw new Error('the browser session did not start');
    return session;
  };

  const status = () => page.locator('h1 [data-status]').textContent();

  /** Fills the event's form on the card and presses its button; `done` waits for success. */
  async function send(type: string, fields: Record<string, string> = {}, done = true) {
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
    await page.waitForLoadState();
    if (done) {
      await page.waitForURL(new RegExp(`done=${type.replace('.', '\\.')}`));
      expect(await page.locator('.flash.ok').textContent()).toContain('выполнено');
    }
  }

  it('runs a card from creation to «Выполнено» with a PDF the curator downloads, a returned closure and a refused second lock', async () => {
    // Ростелеком's call centre opens a card in Kamchatka.
    const created = await portal.store.submitCase({
      type: 'case.create',
      at: new Date().toISOString(),
      by: SYSTEM_PRINCIPAL,
      caseId: 'onf-browser',
      number: '419001',
      applicant: { name: 'Пахомова Елена Юрьевна', phone: '+7(914)777-00-11' },
      text: 'Маме после инсульта нужна помощь с записью на реабилитацию.',
      regionCode: '41',
      categoryType: 'ogv',
      categoryId: 'health',
      sourceSystem: 'Ростелеком',
    });
    expect(created.ok).toBe(true);

    // The supervisor finds it among the new cards and assigns it.
    await signInAs(onfUsers.supervisor41.id);
    expect(page.url()).toBe(`${base}/onf`);
    await page.click('[data-status-tab="new"]');
    await page.click('tr[data-case="onf-browser"] a');
    expect(await status()).toBe('Новое');
    await send('case.assign', { executorId: onfUsers.executor41.id });
    expect(await status()).toBe('В работе');
    expect(await page.locator('[data-lock]').getAttribute('data-lock')).toBe('free');

    // The executor takes it («Взять в работу»), calls, writes in «Ход решения», resolves.
    await signInAs(onfUsers.executor41.id, '/onf?lock=mine_or_free&number=419001');
    await page.click('tr[data-case="onf-browser"] a');
    await send('case.lock');
    expect(await page.locator('[data-lock]').getAttribute('data-lock')).toBe('held');
    expect(await page.locator('[data-lock-holder]').textContent()).toContain('Ходков Андрей');
    await send('case.comment', { text: 'Созвонился с заявительницей, запись на 12-е.' });
    expect(await page.locator('[data-comment]').last().textContent()).toContain('запись на 12-е');
    await page.screenshot({ path: join(shots, 'onf-card.png'), fullPage: true });
    // The resolution comes with the referral letter, uploaded from the resolve form.
    await page.locator('form[data-event="case.resolve"] input[type="file"]').setInputFiles({
      name: 'Направление на реабилитацию.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await send('case.resolve', {
      description: 'Записали на курс реабилитации в краевой больнице, заявительница подтвердила.',
    });
    expect(await status()).toBe('На проверке');
    expect(await page.locator('[data-lock]').getAttribute('data-lock')).toBe('free');
    const resolved = await portal.store.getCase('onf-browser');
    const [attached] = resolved?.snapshot.context.resolution?.files ?? [];
    expect(attached).toMatchObject({
      name: 'Направление на реабилитацию.pdf',
      contentType: 'application/pdf',
    });
    const [stored] = await portal.files.describe([attached?.fileId ?? '']);
    expect(stored?.attachedTo).toBe(caseFileOwner('onf-browser'));

    // The curator checks it in the queue, downloads the letter and accepts.
    await signInAs(onfUsers.curator41.id, '/onf/check');
    expect(await page.locator('tr[data-case="onf-browser"]').count()).toBe(1);
    await page.click('tr[data-case="onf-browser"] a');
    const link = page.locator('[data-files="Файлы решения"] a', {
      hasText: 'Направление на реабилитацию.pdf',
    });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Направление на реабилитацию.pdf');
    expect(await readFile(await download.path())).toEqual(PDF);
    await send('case.accept');
    expect(await status()).toBe('Выполнено');
    expect(await page.locator('form[data-event]').count()).toBe(0);

    // Another card: a duplicate without the other card's number comes back to the executor.
    await signInAs(onfUsers.executor41.id, '/onf/cases/onf-03');
    await send('case.lock');
    const form = page.locator('form[data-event="case.close_request"]');
    expect(
      await form.locator('[data-reason="unreachable"] [data-requires]').textContent(),
    ).toContain('не менее 3');
    expect(await form.locator('[data-reason="duplicate"] [data-requires]').textContent()).toContain(
      'номер обращения',
    );
    await send('case.close_request', { reason: 'duplicate' });
    expect(await status()).toBe('В работе');
    expect(await page.locator('.flash.ok').textContent()).toContain(
      'Укажите номер обращения, которое дублирует это',
    );
    expect(await page.locator('[data-return]').getAttribute('data-return')).toBe(
      'duplicate_number',
    );
    expect(await page.locator('[data-lock]').getAttribute('data-lock')).toBe('held');

    // Holding that card, the executor cannot take a second one: the refusal names the first.
    await page.goto(`${base}/onf/cases/onf-12`);
    expect(await page.locator('[data-busy]').textContent()).toContain('№ 410103');
    await send('case.lock', {}, false);
    expect(await page.locator('[data-refusal]').textContent()).toContain(
      'Вы уже работаете над другой карточкой',
    );
    expect(await page.locator('[data-refusal]').textContent()).toContain('№ 410103');
    expect(await page.locator('[data-lock]').getAttribute('data-lock')).toBe('free');
    const held = await portal.store.casesHeldBy(onfUsers.executor41.id);
    expect(held).toEqual(['onf-03']);

    await signInAs(onfUsers.supervisor41.id);
    await page.screenshot({ path: join(shots, 'onf-list.png') });
    expect(violations).toEqual([]);
  }, 90_000);
});
