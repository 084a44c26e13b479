/**
 * Writes the snapshot fixtures of this release: snapshots of messages and ОНФ cards in
 * every status, reached by walks through the real workflows, with what every demo user may
 * send on each and the result of sending it. See packages/core/test/fixtures/snapshots/README.md.
 *
 *   npm run fixtures:snapshots             # writes the files (only ever for a new release folder)
 *   npm run fixtures:snapshots -- --check  # regenerates in memory, compares byte for byte
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildFixtureFile,
  fixtureText,
  RELEASE,
} from '../packages/core/test/snapshot-fixtures/build.js';
import type { FixtureWorkflow } from '../packages/core/test/snapshot-fixtures/format.js';

const dir = join(
  import.meta.dirname,
  '..',
  'packages',
  'core',
  'test',
  'fixtures',
  'snapshots',
  RELEASE,
);
const check = process.argv.includes('--check');
const force = process.argv.includes('--force');
let failed = false;
for (const workflow of ['pos', 'onf'] as FixtureWorkflow[]) {
  const file = join(dir, `${workflow}.json`);
  const text = fixtureText(buildFixtureFile(workflow));
  const relative = `packages/core/test/fixtures/snapshots/${RELEASE}/${workflow}.json`;
  if (check) {
    const same = existsSync(file) && readFileSync(file, 'utf8') === text;
    console.log(`${same ? 'same' : 'DIFFERENT'}: ${relative}`);
    failed ||= !same;
  } else if (existsSync(file) && !force) {
    console.error(
      `${relative} exists; fixtures of a release are never rewritten (--force to override)`,
    );
    failed = true;
  } else {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${relative} (${text.length} characters)`);
  }
}
if (failed) process.exitCode = 1;
