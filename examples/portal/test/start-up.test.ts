/**
 * `npm start` as a real process: with no configuration it serves on loopback only; on
 * another address, or in production, it refuses the well-known token secret before it
 * opens anything. No test here lets the portal listen on anything but 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { portalDir } from '../src/config.js';
import { demoPartnerKey } from '../src/open311/open311-partners.js';

const TSX = resolve(portalDir, '..', '..', 'node_modules', '.bin', 'tsx');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** `npm start -- <args>` with exactly `env` (no inherited HOST, NODE_ENV, secrets). */
function start(args: string[], env: Record<string, string>) {
  const child = spawn(
    TSX,
    ['--tsconfig', 'tsconfig.json', '--conditions=@reshaem/source', 'src/main.ts', ...args],
    {
      cwd: portalDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** The local addresses listening on `port`, from the kernel's table (IPv4 and IPv6). */
function listeners(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(`:${hex}`) && f[3] === '0A')
      .map((f) => f[1]?.split(':')[0] ?? ''),
  );
}

describe('npm start', () => {
  it('serves on 127.0.0.1 only, with no configuration at all', async () => {
    const portal = start(['--memory', '--port', '0'], {});
    const deadline = Date.now() + 80_000;
    let port = 0;
    while (!port && Date.now() < deadline && portal.child.exitCode === null) {
      port = Number(portal.out().match(/listening on port (\d+)/)?.[1] ?? 0);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(port, portal.err()).toBeGreaterThan(0);
    expect(listeners(port)).toEqual(['0100007F']); // 127.0.0.1, and nothing else
    expect(portal.out()).toContain(`http://127.0.0.1:${port}/`);
    const signIn = await fetch(`http://127.0.0.1:${port}/sign-in`);
    expect(signIn.status).toBe(200);
    // Open311 is served, and the banner gives the demo partner's key with the demo users.
    const discovery = await fetch(`http://127.0.0.1:${port}/open311/v2/discovery.json`);
    expect(discovery.status).toBe(200);
    expect(portal.out()).toContain(`http://127.0.0.1:${port}/open311/v2/discovery.json`);
    expect(portal.out()).toContain(`demo partner api_key: ${demoPartnerKey('reshaem-demo')}`);
    portal.child.kill('SIGTERM');
    await portal.exited;
  }, 90_000);

  const refusals: { name: string; args: string[]; env: Record<string, string>; why: RegExp }[] = [
    { name: 'on every interface', args: [], env: { HOST: '0.0.0.0' }, why: /listen on 0\.0\.0\.0/ },
    {
      name: 'in production',
      args: [],
      env: { NODE_ENV: 'production' },
      why: /NODE_ENV is production/,
    },
  ];
  it.each(refusals)(
    'refuses the well-known secret $name, in one line, before opening anything',
    async ({ args, env, why }) => {
      const portal = start(['--memory', '--port', '0', ...args], env);
      const code = await Promise.race([
        portal.exited,
        new Promise<'running'>((r) => setTimeout(() => r('running'), 30_000)),
      ]);
      expect(code).toBe(1);
      const lines = portal.err().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Refusing to start: the token secret is the well-known default/);
      expect(lines[0]).toMatch(why);
      expect(lines[0]).toContain('RESHAEM_TOKEN_SECRET');
      expect(portal.out()).not.toContain('Starting');
    },
    40_000,
  );
});
