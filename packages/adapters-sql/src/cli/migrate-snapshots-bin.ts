#!/usr/bin/env node
/* The `reshaem-migrate-snapshots` executable: see `runMigrateSnapshotsCli`. */
import { runMigrateSnapshotsCli } from './migrate-snapshots-cli.js';

const stop = new AbortController();
for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => stop.abort());
runMigrateSnapshotsCli(process.argv.slice(2), undefined, stop.signal).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
