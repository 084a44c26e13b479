/**
 * A refusal in Chromium: in Russian, naming the person and the message, at the top of the
 * page (inside the first screen, focused), with what was typed kept — and the URL the person
 * lands on reloads with 200 (Post/Redirect/Get), where it used to be the POST's URL (404).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowserSession, skipBrowserTests } from './browser-session.js';

describe.skipIf(skipBrowserTests)('a refusal in Chromium', () => {
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

  /** The banner: its text, whether it is inside the first screen, whether it has focus. */
  async function banner() {
    const alert = page.locator('main > [role="alert"]');
    const box = await alert.boundingBox();
    const viewport = page.viewportSize();
    return {
      text: (await alert.textContent()) ?? '',
      inFirstScreen:
        box !== null && viewport !== null && box.y >= 0 && box.y + box.height <= viewport.height,
      focused: await alert.evaluate((el) => el === document.activeElement),
      first: await page.evaluate(() => document.querySelector('main')?.firstElementChild?.id),
    };
  }

  async function reloadsWith200() {
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    expect((await banner()).text).not.toBe('');
  }

  it('a refused approve: who may not do it, on which message, at the top', async () => {
    await session?.signInAs('exec-kam-roads', '/messages/demo-109');
    // An approve the executor's page does not offer (a stale or forged form) goes to the server.
    await page.evaluate(() => {
      const version = document.querySelector<HTMLInputElement>('input[name="version"]')?.value;
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/messages/demo-109/events/answer.approve';
      const field = document.createElement('input');
      field.name = 'version';
      field.value = version ?? '';
      form.append(field);
      document.body.append(form);
      form.submit();
    });
    await page.waitForURL(/\/messages\/demo-109\?refusal=/);
    expect(page.url().startsWith(`${base}/messages/demo-109?refusal=`)).toBe(true);
    const shown = await banner();
    expect(shown.text).toContain('Недостаточно прав');
    expect(shown.text).toMatch(
      /Исполнитель Новиков Д\. \(Министерство транспорта и дорожного строительства Камчатского края\) не может утвердить ответ по сообщению № 41-\d{6}-\d{4}/,
    );
    expect(shown.inFirstScreen).toBe(true);
    expect(shown.focused).toBe(true);
    expect(shown.first).toBe('refusal');
    await reloadsWith200();
  });

  it('a too long answer: the limit in Russian, at the top, the text kept', async () => {
    await session?.signInAs('exec-kam-roads', '/messages/demo-108');
    const form = page.locator('form[data-event="answer.submit"]');
    const text = 'я'.repeat(20_001);
    // Past any limit the field itself sets: the server's limit is the one that speaks.
    await form.locator('textarea[name="text"]').evaluate((el, value) => {
      el.removeAttribute('maxlength');
      (el as HTMLTextAreaElement).value = value;
    }, text);
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(/\/messages\/demo-108\?refusal=/);
    const shown = await banner();
    expect(shown.text).toContain('Проверьте заполнение формы');
    expect(shown.text).toContain('Не длиннее 20\u00a0000 символов');
    expect(shown.text).not.toMatch(/Too big|expected/);
    expect(shown.inFirstScreen).toBe(true);
    expect(shown.focused).toBe(true);
    const kept = await page
      .locator('form[data-event="answer.submit"] textarea[name="text"]')
      .inputValue();
    expect(kept).toBe(text);
    await reloadsWith200();
  });
});
