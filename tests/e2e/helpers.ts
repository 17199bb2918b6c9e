import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * Browser-flow helpers: a real `manyi serve` child process on a fresh embedded database (demo data
 * seeded on start) and Debian's headless Chromium driven by playwright-core.
 */

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/manyi.mjs');
const WEB_INDEX = path.join(ROOT, 'dist/web/index.html');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The password every demo user gets on a new data directory (server/config.ts DEMO_PASSWORD default). */
export const DEMO_PASSWORD = 'Manyi@2026';

const STARTUP_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

export interface ManyiServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  pid: number;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM, wait for the exit (SIGKILL after a grace period), remove the temporary data directory. */
  stop(): Promise<void>;
}

/** The SPA must be built: the server only serves dist/web, and the tests never build it themselves. */
export function assertWebBuilt(): void {
  if (!fs.existsSync(WEB_INDEX)) {
    throw new Error(
      `The web UI is not built (${path.relative(ROOT, WEB_INDEX)} is missing). Run \`npm run build\` first ` +
        '(`npm install` builds it through the prepare script).',
    );
  }
}

function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it: apt-get install -y chromium fonts-noto-cjk`);
  }
}

type ServerChild = ChildProcessByStdio<null, Readable, Readable>;

function waitForExit(child: ServerChild, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts `manyi serve` on a free port with a new temporary MANYI_DATA_DIR; resolves once it listens. */
export async function startServer(env: Record<string, string> = {}): Promise<ManyiServer> {
  assertWebBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'manyi-e2e-'));
  const child: ServerChild = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      MANYI_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      MANYI_SKIP_WEB_BUILD: '1',
      // Each flow publishes the questionnaires it needs itself.
      DEMO_SURVEYS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`manyi serve did not start within ${STARTUP_TIMEOUT_MS / 1000}s:\n${out}`)),
        STARTUP_TIMEOUT_MS,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Manyi is running at (http:\/\/localhost:(\d+))/.exec(out);
        if (m?.[2]) {
          clearTimeout(timer);
          // HOST=127.0.0.1: go there directly rather than let "localhost" resolve to ::1 first.
          resolve(`http://127.0.0.1:${m[2]}`);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`manyi serve exited early (code ${code}, signal ${signal}):\n${out}`));
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    return { url, pid: child.pid ?? -1, output: () => out, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (own cookies and localStorage) with a desktop-sized page. */
export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Fills the login form and submits it; does not wait for the result. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs in through the login form and waits for the signed-in shell (the side menu). */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, username, password);
  await page.getByTestId('side-menu').waitFor();
}

/** Clears and types into the field with this test id (an input, or the first input inside it: a date picker). */
export async function fillField(page: Page, testId: string, value: string): Promise<void> {
  const own = page.getByTestId(testId);
  const isInput = (await own.evaluate((el) => el.tagName)) === 'INPUT';
  const input = isInput ? own : own.locator('input').first();
  await input.fill('');
  await input.fill(value);
}

/** The menu-* test ids of the side menu, in order. */
export async function menuKeys(page: Page): Promise<string[]> {
  const ids = await page
    .getByTestId('side-menu')
    .locator('[data-testid^="menu-"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  return ids;
}

/**
 * One server and one browser for a test file: started in beforeAll (whichever started is stopped in
 * afterAll even when the other failed); `openPage()` gives a fresh context closed at the end.
 */
export function useBrowserSession(): { openPage(): Promise<Page> } {
  let server: ManyiServer | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });
  afterAll(async () => {
    for (const page of pages)
      await page
        .context()
        .close()
        .catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });
  return {
    async openPage() {
      if (!server || !browser) throw new Error('beforeAll did not start the server and browser');
      const page = await newPage(browser, server.url);
      pages.push(page);
      return page;
    },
  };
}
