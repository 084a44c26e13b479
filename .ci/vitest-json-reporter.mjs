// Vitest reporter used by .ci/run only (passed with --reporter=<abs path>).
//
// It is vitest's own JSON reporter, but it writes one file per package:
// every package gets the same CLI args from turbo, so a plain
// --outputFile.json=X would make all packages overwrite the same X.
// Given --outputFile.json=<dir>/vitest.json, this writes
// <dir>/vitest.<package-dir-slug>.json and adds the Node version and the
// package root to the report, so .ci/run can check which Node really ran.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// vitest >= 4.1 exports the reporters from 'vitest/node' ('vitest/reporters' is deprecated).
const { JsonReporter } = await import('vitest/node').then((m) =>
  m.JsonReporter ? m : import('vitest/reporters'),
);

export default class CiJsonReporter extends JsonReporter {
  constructor() {
    super({});
  }

  async writeReport(report) {
    const root = this.ctx.config.root;
    const configured = this.ctx.config.outputFile;
    const base =
      (typeof configured === 'string' ? configured : configured?.json) ?? 'vitest-report.json';
    const abs = path.resolve(root, base);
    // Unique per package: its path relative to the repo root (this file is in <repo>/.ci/).
    const repoRoot = fileURLToPath(new URL('..', import.meta.url));
    const slug = path.relative(repoRoot, root).replace(/[^A-Za-z0-9_.-]+/g, '_') || 'root';
    const file = abs.replace(/(\.json)?$/, `.${slug}.json`);
    const data = JSON.parse(report);
    data.nodeVersion = process.version;
    data.root = root;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(data), 'utf-8');
    this.ctx.logger.log(`JSON report written to ${file}`);
  }
}
