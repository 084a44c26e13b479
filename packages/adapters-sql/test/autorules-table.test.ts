import { answerTemplateSchema, autoruleSchema, notificationConfigSchema } from '@reshaem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, directory, potholeSubmit, users } from '../../core/test/helpers.js';
import { createSqlStore, type SqlStore } from '../src/index.js';

const rule = (id: string, position: number, executorId = 'exec-kam-roads') =>
  autoruleSchema.parse({
    id,
    orgId: 'kam-roads',
    name: `Правило ${id}`,
    position,
    action: { kind: 'assign', executorId },
  });

describe('autorules table (migration 003)', () => {
  let store: SqlStore;
  beforeAll(async () => {
    store = await createSqlStore({ directory });
  });
  afterAll(() => store?.close());

  it('saves and loads an organisation’s rules in order, replacing the old ones', async () => {
    await store.saveAutorules('kam-roads', [rule('b', 2), rule('a', 1)]);
    expect((await store.loadAutorules('kam-roads')).map((r) => r.id)).toEqual(['a', 'b']);
    await store.saveAutorules('kam-roads', [rule('c', 5)]);
    expect((await store.loadAutorules('kam-roads')).map((r) => r.id)).toEqual(['c']);
    expect(await store.loadAutorules('kam-gov')).toEqual([]);
    await expect(store.saveAutorules('kam-gov', [rule('x', 1)])).rejects.toThrow(/belongs to/);
  });

  it('saves and loads notifications and answer templates per organisation', async () => {
    const config = notificationConfigSchema.parse({
      id: 'n-1',
      orgId: 'kam-roads',
      name: 'Поступление сообщения в ЛКО',
      type: 'message_received',
      emails: [{ address: 'info@roads.kamgov.ru' }],
      body: 'Сообщение № {{Номер сообщения}}',
    });
    const template = answerTemplateSchema.parse({
      id: 't-1',
      orgId: 'kam-roads',
      name: 'Яма',
      body: 'Уважаемый(ая) {{ФИО Заявителя}}!',
    });
    await store.saveNotifications('kam-roads', [config]);
    await store.saveAnswerTemplates('kam-roads', [template]);
    expect(await store.loadNotifications('kam-roads')).toEqual([config]);
    expect(await store.loadAnswerTemplates('kam-roads')).toEqual([template]);
    await store.saveNotifications('kam-roads', []);
    expect(await store.loadNotifications('kam-roads')).toEqual([]);
    expect(await store.loadAnswerTemplates('kam-gov')).toEqual([]);
  });

  it('runs the stored rules in the write path, in one transaction, replayable by key', async () => {
    await store.saveAutorules('kam-roads', [rule('c', 5)]);
    await store.submit(potholeSubmit());
    const accept = { type: 'moderation.accept', by: users.moderator, at: at(1) };
    const first = await store.send('m-1', accept, { idempotencyKey: 'k-1' });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.message).toMatchObject({ version: 3, status: 'executor_assigned' });
    expect(first.autorules?.applied.map((a) => a.ruleId)).toEqual(['c']);
    const again = await store.send('m-1', accept, { idempotencyKey: 'k-1' });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await store.history('m-1')).map((h) => h.by.id)).toEqual([
      users.applicant.id,
      users.moderator.id,
      'system',
    ]);
  });
});
