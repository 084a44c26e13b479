import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRecordingSender, deliverNotifications } from '../../src/index.js';
import { at, operatorSubmit, operatorToAnswerReady, potholeSubmit, users } from '../helpers.js';
import { mailDirectory as directory, notification } from './fixtures.js';

async function accepted() {
  const store = createMemoryStore({ directory });
  await store.submit(potholeSubmit());
  await store.send('m-1', { type: 'moderation.accept', by: users.moderator, at: at(1) });
  return store;
}

describe('deliverNotifications', () => {
  it('sends the configured e-mail once and completes every claimed entry', async () => {
    const store = await accepted();
    const sender = createRecordingSender();
    const round = await deliverNotifications({
      store,
      sender,
      configs: [notification()],
      now: at(2),
    });
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]).toMatchObject({
      to: ['info@roads.kamgov.ru', 'popova@roads.kamgov.ru'],
      subject: 'Поступление сообщений в ЛКО',
      messageId: 'm-1',
    });
    expect(sender.sent[0]?.text).toContain('Поступило сообщение № 41-000001 (Дороги).');
    expect(round.completed).toBe(round.claimed);
    expect(store.outbox.every((e) => e.state === 'done')).toBe(true);
    const again = await deliverNotifications({
      store,
      sender,
      configs: [notification()],
      now: at(3),
    });
    expect(again.claimed).toBe(0);
    expect(sender.sent).toHaveLength(1);
  });

  it('retries a failed send with backoff, then gives up after maxAttempts', async () => {
    const store = await accepted();
    const sender = createRecordingSender();
    const configs = [notification()];
    sender.failNext(1, 'connection refused');
    const first = await deliverNotifications({
      store,
      sender,
      configs,
      now: at(2),
      maxAttempts: 2,
    });
    expect(first.failed).toEqual([
      expect.objectContaining({ error: 'connection refused', retryAt: at(3) }),
    ]);
    expect(sender.sent).toEqual([]);
    // Not due again before the retry time.
    expect((await deliverNotifications({ store, sender, configs, now: at(2) })).claimed).toBe(0);
    const second = await deliverNotifications({ store, sender, configs, now: at(3) });
    expect(second.failed).toEqual([]);
    expect(sender.sent).toHaveLength(1);

    const other = await accepted();
    sender.failNext(2);
    await deliverNotifications({ store: other, sender, configs, now: at(2), maxAttempts: 2 });
    const last = await deliverNotifications({
      store: other,
      sender,
      configs,
      now: at(10),
      maxAttempts: 2,
    });
    expect(last.failed).toEqual([expect.objectContaining({ retryAt: null })]);
    expect(other.outbox.some((e) => e.state === 'failed')).toBe(true);
  });

  it('tells the applicant of a rejection with the built-in notice', async () => {
    const store = createMemoryStore({ directory });
    await store.submit(potholeSubmit());
    const reject = await store.send('m-1', {
      type: 'moderation.reject',
      by: users.moderator,
      at: at(1),
      reason: 'Нецензурная лексика',
    });
    expect(reject.ok).toBe(true);
    const sender = createRecordingSender();
    await deliverNotifications({ store, sender, configs: [], now: at(2) });
    expect(sender.sent).toEqual([
      expect.objectContaining({ type: 'message_rejected', notificationId: null }),
    ]);
  });
});

describe('the automatic answer e-mail', () => {
  /** An operator-entered message whose applicant gave an e-mail, approved: answer_ready. */
  async function ready(email = 'sidorov@example.ru') {
    const store = createMemoryStore({ directory });
    await store.submit(operatorSubmit({ applicant: { name: 'Сидоров Пётр', email } }));
    for (const [i, step] of operatorToAnswerReady.entries()) {
      const result = await store.send('m-op', { ...step, at: at(10 + i) });
      if (!result.ok) throw new Error(result.error.message);
    }
    return store;
  }

  it('is sent to the applicant and its outcome recorded on the message', async () => {
    const store = await ready();
    const sender = createRecordingSender();
    await deliverNotifications({ store, sender, configs: [], now: at(20) });
    expect(sender.sent.some((e) => e.to.includes('sidorov@example.ru'))).toBe(true);
    const stored = await store.get('m-op');
    expect(stored?.status).toBe('answer_ready');
    expect(stored?.snapshot.context.answerEmail).toMatchObject({ status: 'sent', at: at(20) });
    const history = await store.history('m-op');
    expect(history.at(-1)).toMatchObject({ type: 'delivery.email_result', by: { id: 'system' } });
  });

  it('records a failure once the sender gave up, not while it retries', async () => {
    const store = await ready();
    const sender = createRecordingSender();
    sender.failNext(10, '550 mailbox unavailable');
    await deliverNotifications({ store, sender, configs: [], now: at(20), maxAttempts: 2 });
    expect((await store.get('m-op'))?.snapshot.context.answerEmail?.status).toBe('requested');
    await deliverNotifications({ store, sender, configs: [], now: at(60 * 24), maxAttempts: 2 });
    expect((await store.get('m-op'))?.snapshot.context.answerEmail).toMatchObject({
      status: 'failed',
      error: '550 mailbox unavailable',
    });
  });
});
