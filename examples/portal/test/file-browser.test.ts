/**
 * Files in Chromium: the applicant uploads a photo at submit, the executor a PDF with the
 * answer, and once the head approves it the applicant downloads that PDF from the card.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortal, type Portal } from '../src/portal.js';
import { type Listening, listen } from '../src/server.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 9, 9, 9]);
const PDF = Buffer.from('%PDF-1.7\n%âã\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

describe.skipIf(!hasChromium && !inCi)('files in Chromium', () => {
  let portal: Portal;
  let server: Listening;
  let browser: Browser;
  let page: Page;
  let base = '';
  const violations: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Debian's Chromium is not installed at ${CHROMIUM}`);
    portal = await createPortal(
      { dataDir: null, demo: true, tokenSecret: 'browser-files', workerIntervalMs: 1000 },
      { log: () => {}, runWorker: false },
    );
    server = await listen(portal.app, { port: 0, hostname: '127.0.0.1' });
    base = `http://127.0.0.1:${server.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    page = await browser.newPage({ locale: 'ru-RU', acceptDownloads: true });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await portal?.close();
  });

  async function signInAs(userId: string, then: string) {
    await page.goto(`${base}/sign-in`);
    await page.click(`button[data-user="${userId}"]`);
    await page.waitForLoadState();
    await page.goto(`${base}${then}`);
  }

  async function send(type: string) {
    await page.locator(`form[data-event="${type}"] button[type="submit"]`).click();
    await page.waitForURL(new RegExp(`done=${type.replace('.', '\\.')}`));
  }

  it('a photo at submit, a PDF with the answer, downloaded by the applicant', async () => {
    await signInAs('app-ivanov', '/my');
    await page.selectOption('select[name="orgId"]', 'kam-roads');
    await page.selectOption('select[name="subcategoryId"]', 'potholes');
    await page.fill('textarea[name="text"]', 'Яма у дома 7, фото прилагаю.');
    await page.setInputFiles('form[data-form="submit"] input[type="file"]', {
      name: 'яма.jpg',
      mimeType: 'image/jpeg',
      buffer: JPEG,
    });
    await page.click('form[data-form="submit"] button[type="submit"]');
    await page.waitForURL(/\/messages\/[^/?]+\?done=submit/);
    const card = new URL(page.url()).pathname;
    await expect
      .poll(() => page.locator('[data-files="Фото заявителя"] img.thumb').count())
      .toBe(1);

    await signInAs('mod-kam', card);
    await send('moderation.accept');
    await signInAs('coord-kam-roads', card);
    await page.selectOption(
      'form[data-event="executor.assign"] [name="executorId"]',
      'exec-kam-roads',
    );
    await send('executor.assign');
    await signInAs('exec-kam-roads', card);
    await send('work.take');
    const answer = page.locator('form[data-event="answer.submit"]');
    await answer.locator('[name="text"]').fill('Яма заделана, ответ во вложении.');
    await answer.locator('input[type="file"]').setInputFiles({
      name: 'Ответ заявителю.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await send('answer.submit');
    await signInAs('head-kam-roads', card);
    await send('answer.approve');

    await signInAs('app-ivanov', card);
    const link = page.locator('[data-files="Файлы ответа"] a', { hasText: 'Ответ заявителю.pdf' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Ответ заявителю.pdf');
    expect(await readFile(await download.path())).toEqual(PDF);
    expect(violations).toEqual([]);
  }, 120_000);
});
