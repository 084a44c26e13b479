// Sums the per-package vitest JSON reports written by .ci/vitest-json-reporter.mjs
// for each test run of .ci/run and prints the closing lines:
//
//   node v20.20.2: 120 passed, 0 failed, 0 skipped (3 packages)
//   node v24.21.0: 120 passed, 0 failed, 0 skipped (3 packages)
//   240 passed, 0 failed, 0 skipped
//
// Usage: node .ci/summarize.mjs <run> [<run> ...]
//   where <run> is "<node version>|<report dir>|<exit code of npm test>".
// Exits 1 if any run exited non-zero, any test failed, a package that has a
// `test` script wrote no report, a report came from another Node than expected,
// or a run executed no test at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Workspace package dirs (absolute) whose package.json has a `test` script. */
function packagesWithTests() {
  const rootPkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const patterns = Array.isArray(rootPkg.workspaces)
    ? rootPkg.workspaces
    : (rootPkg.workspaces?.packages ?? []);
  const dirs = new Set();
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const parent = path.join(repoRoot, pattern.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent, { withFileTypes: true })) {
        if (entry.isDirectory()) dirs.add(path.join(parent, entry.name));
      }
    } else if (!pattern.includes('*')) {
      dirs.add(path.join(repoRoot, pattern));
    }
  }
  return [...dirs]
    .filter((dir) => {
      const file = path.join(dir, 'package.json');
      if (!existsSync(file)) return false;
      try {
        return Boolean(JSON.parse(readFileSync(file, 'utf8')).scripts?.test);
      } catch {
        return false;
      }
    })
    .sort();
}

const expectedPackages = packagesWithTests();
const problems = [];
const lines = [];
const total = { passed: 0, failed: 0, skipped: 0 };
const fmt = (c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

for (const spec of process.argv.slice(2)) {
  const [nodeVersion, dir, exitCode] = spec.split('|');
  const label = `node ${nodeVersion}`;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const seen = new Set();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  for (const f of files.sort()) {
    let r;
    try {
      r = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    } catch (e) {
      problems.push(`${label}: unreadable report ${f}: ${e.message}`);
      continue;
    }
    counts.passed += r.numPassedTests ?? 0;
    counts.failed += r.numFailedTests ?? 0;
    counts.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if (r.root) seen.add(path.resolve(r.root));
    if (r.nodeVersion && r.nodeVersion !== nodeVersion) {
      problems.push(
        `${label}: ${path.relative(repoRoot, r.root ?? f)} ran on ${r.nodeVersion}, not ${nodeVersion}`,
      );
    }
    if (r.success === false && !(r.numFailedTests > 0)) {
      problems.push(
        `${label}: ${path.relative(repoRoot, r.root ?? f)}: vitest reported failure (failed suite or no test files)`,
      );
    }
  }
  for (const pkg of expectedPackages) {
    if (!seen.has(pkg)) {
      problems.push(
        `${label}: no vitest report from ${path.relative(repoRoot, pkg)} (did its test script crash, or is it not \`vitest run\` taking the extra CLI args?)`,
      );
    }
  }
  if (exitCode !== '0') problems.push(`${label}: \`npm test\` exited with code ${exitCode}`);
  if (counts.failed > 0) problems.push(`${label}: ${counts.failed} test(s) failed`);
  if (counts.passed + counts.failed === 0) problems.push(`${label}: no test ran`);
  lines.push(
    `${label}: ${fmt(counts)} (${files.length} package report${files.length === 1 ? '' : 's'})`,
  );
  for (const k of Object.keys(total)) total[k] += counts[k];
}

if (process.argv.length <= 2) problems.push('no test run was given to summarize');
for (const p of problems) console.log(`ci: PROBLEM: ${p}`);
console.log(problems.length ? 'ci: result: FAILED' : 'ci: result: OK');
for (const l of lines) console.log(l);
console.log(fmt(total));
process.exitCode = problems.length ? 1 : 0;
