import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * Bundles a TypeScript entry (with the workspace packages' sources, through their
 * `@reshaem/source` condition; other packages stay imports) into one JavaScript file under
 * `node_modules/.cache`, and
 * returns its path. A test builds its process once: a bundle starts in a second or two on
 * a busy machine, where running the sources through `tsx` takes ten.
 */
export async function bundleScript(
  entry: string,
  options: { name: string; tsconfig?: string },
): Promise<string> {
  const outDir = `${root}node_modules/.cache/reshaem-processes/${options.name}`;
  await build({
    entry: { [options.name]: entry },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    noExternal: [/^@reshaem\//],
    esbuildOptions(esbuild) {
      esbuild.conditions = ['@reshaem/source'];
    },
    // Every other package is loaded from node_modules at run time, as it would be.
    esbuildPlugins: [
      {
        name: 'packages-external',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@reshaem/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
    ...(options.tsconfig === undefined ? {} : { tsconfig: options.tsconfig }),
    config: false,
    silent: true,
    dts: false,
    splitting: false,
    sourcemap: false,
    clean: true,
  });
  return `${outDir}/${options.name}.js`;
}

/** Bundles one of this folder's scripts (see {@link bundleScript}). */
export const bundleProcess = (name: string): Promise<string> =>
  bundleScript(fileURLToPath(new URL(`./${name}.ts`, import.meta.url)), { name });

/**
 * Starts a bundled script in a Node process of its own, as an operator runs a worker:
 * real pid, real signals. Its stderr is passed through; its stdout is the caller's to read.
 */
export function spawnProcess(
  bundle: string,
  env: Record<string, string>,
  cwd: string = root,
): ChildProcess {
  return spawn(process.execPath, [bundle], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Resolves with the first line on the process's stdout that starts with `prefix`. */
export function printed(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split('\n').find((l) => l.startsWith(prefix));
      if (line !== undefined) {
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolve(line);
      }
    };
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`exited (${code ?? signal}) before printing ${prefix}`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}
