import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type PortalConfig, portalDir } from '../src/config.js';
import { createPortal, type Portal } from '../src/portal.js';
import { type Listening, listen } from '../src/server.js';

/** Debian's Chromium, driven by playwright-core (browsers that download themselves do not work here). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Locally without Chromium the browser tests are skipped; in CI (CI=true) they fail, loudly. */
export const skipBrowserTests = !hasChromium && !process.env.CI;

/**
 * `RESHAEM_SCREENSHOTS=1` writes the screenshots into docs/images (for the README);
 * otherwise they go to a temporary directory, so that a test run leaves the tree clean.
 */
async function screenshotDir(): Promise<string> {
  if (process.env.RESHAEM_SCREENSHOTS) return resolve(portalDir, '..', '..', 'docs', 'images');
  return mkdtemp(join(tmpdir(), 'reshaem-screens-'));
}

/** A demo portal on a loopback port with one Chromium page on it. */
export interface BrowserSession {
  portal: Portal;
  page: Page;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Where the test writes its screenshots. */
  shots: string;
  /** The page's Content-Security-Policy complaints: the pages must block nothing they use. */
  violations: string[];
  /** Signs in as a demo user by clicking them on the sign-in page, then opens `then`. */
  signInAs(userId: string, then?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the demo portal in memory, serves it on loopback and opens Chromium on it; `config`
 * adds settings of the portal (the maps' tiles).
 */
export async function openBrowserSession(
  config: Partial<Pick<PortalConfig, 'map'>> = {},
): Promise<BrowserSession> {
  if (!hasChromium) {
    throw new Error(
      `Debian's Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (.ci/run installs it).`,
    );
  }
  const portal = await createPortal(
    { dataDir: null, demo: true, tokenSecret: 'browser-test', workerIntervalMs: 1000, ...config },
    { log: () => {}, runWorker: false },
  );
  const server: Listening = await listen(portal.app, { port: 0, hostname: '127.0.0.1' });
  const base = `http://127.0.0.1:${server.port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'ru-RU' });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const shots = await screenshotDir();
  await mkdir(shots, { recursive: true });
  return {
    portal,
    page,
    base,
    shots,
    violations,
    async signInAs(userId, then) {
      await page.goto(`${base}/sign-in`);
      await page.click(`button[data-user="${userId}"]`);
      await page.waitForLoadState();
      if (then) await page.goto(`${base}${then}`);
    },
    async close() {
      await browser.close();
      await server.close();
      await portal.close();
    },
  };
}
