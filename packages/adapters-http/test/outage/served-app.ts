import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The app served from a child process (`serve-postgres.ts`), and what became of it. */
export interface ServedApp {
  port: number;
  child: ChildProcess;
  /** The exit code or signal once the process ended; `undefined` while it runs. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Every line it wrote on stderr. */
  stderr: string[];
  /** Ends it (SIGKILL) and waits for the end. */
  kill(): Promise<void>;
}

/**
 * Starts the HTTP app over PostgreSQL at `databaseUrl` in a child process (through tsx,
 * with the packages' sources) and waits until it listens.
 *
 * @example
 * const served = await serveInChild(cluster.url);
 * await fetch(`http://127.0.0.1:${served.port}/catalogue`);
 * await served.kill();
 */
export async function serveInChild(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServedApp> {
  const script = join(import.meta.dirname, 'serve-postgres.ts');
  const child = spawn(
    process.execPath,
    ['--conditions=@reshaem/source', '--import', 'tsx', script],
    {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, ...env, OUTAGE_DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const ended = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    });
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) =>
    stderr.push(line),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in 30 s')), 30_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /^\{"port":(\d+)\}$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    void ended.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server ended before it listened: ${stderr.join('\n')}`));
    });
  });
  return {
    port,
    child,
    exited: () => exit,
    stderr,
    async kill() {
      if (exit === undefined) child.kill('SIGKILL');
      await ended;
    },
  };
}
