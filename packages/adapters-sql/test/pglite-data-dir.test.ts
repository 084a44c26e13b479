import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directory, potholeSubmit, T0, users } from '../../core/test/helpers.js';
import { createSqlStore } from '../src/index.js';

describe('PGlite in a data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'reshaem-pglite-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps messages, history and outbox across restarts', async () => {
    const first = await createSqlStore({ db: { pglite: { dataDir } }, directory });
    expect((await first.submit(potholeSubmit())).ok).toBe(true);
    const accept = { type: 'moderation.accept', at: T0, by: users.moderator };
    expect((await first.send('m-1', accept)).ok).toBe(true);
    const before = {
      message: await first.get('m-1'),
      history: await first.history('m-1'),
      outbox: await first.messageOutbox('m-1'),
    };
    await first.close();

    const second = await createSqlStore({ db: { pglite: { dataDir } }, directory });
    expect({
      message: await second.get('m-1'),
      history: await second.history('m-1'),
      outbox: await second.messageOutbox('m-1'),
    }).toEqual(before);
    expect(before.message?.version).toBe(2);
    await second.close();
  }, 180_000); // three PGlite boots on one directory, each migrating
});
