import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The public surface of every published entry point, values and types alike, read with the
 * TypeScript checker from the source entry files. A name that disappears or appears without
 * an update of `public-api.names.json` fails this test: moving files must not change it.
 */
const packagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const entryPoints: Readonly<Record<string, string>> = {
  '@reshaem/core': 'core/src/index.ts',
  '@reshaem/core/testing': 'core/src/testing/index.ts',
  '@reshaem/adapters-sql': 'adapters-sql/src/index.ts',
  '@reshaem/adapters-http': 'adapters-http/src/index.ts',
  '@reshaem/adapters-http/oidc': 'adapters-http/src/oidc.ts',
};

function exportedNames(): Record<string, string[]> {
  const configPath = resolve(packagesDir, '../tsconfig.base.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const files = Object.values(entryPoints).map((file) => resolve(packagesDir, file));
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const names: Record<string, string[]> = {};
  for (const [entry, file] of Object.entries(entryPoints)) {
    const source = program.getSourceFile(resolve(packagesDir, file));
    const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (symbol === undefined) throw new Error(`${entry}: no module at ${file}`);
    names[entry] = checker
      .getExportsOfModule(symbol)
      .map((exported) => exported.getName())
      .sort();
  }
  return names;
}

describe('public API', () => {
  it('exports exactly the names listed in public-api.names.json', () => {
    const expected: unknown = JSON.parse(
      readFileSync(new URL('./public-api.names.json', import.meta.url), 'utf8'),
    );
    expect(exportedNames()).toEqual(expected);
  });
});

if (process.env.WRITE_PUBLIC_API === '1') {
  // `WRITE_PUBLIC_API=1 npx vitest run test/public-api.test.ts` rewrites the list after a
  // deliberate change of the public surface; review the diff before committing it.
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    new URL('./public-api.names.json', import.meta.url),
    `${JSON.stringify(exportedNames(), null, 2)}\n`,
  );
}
