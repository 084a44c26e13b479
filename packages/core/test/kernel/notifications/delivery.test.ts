import { describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  createRecordingSender,
  deliverNotifications,
  type Email,
  type EmailSender,
} from '../../../src/index.js';
import { at, operatorSubmit, operatorToAnswerReady, potholeSubmit, users } from '../../helpers.js';
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

describe('a delivery round whose claim went stale', () => {
  /** A sender whose first send waits until `release` is called, then fails or succeeds. */
  function slowSender(outcome: 'fail' | 'send') {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const sent: Email[] = [];
    let first = true;
    const sender: EmailSender = {
      async send(email) {
        if (first) {
          first = false;
          await held;
          if (outcome === 'fail') throw new Error('451 timed out');
        }
        sent.push(email);
      },
    };
    return { sender, sent, release };
  }

  async function ready() {
    const store = createMemoryStore({ directory });
    await store.submit(
      operatorSubmit({ applicant: { name: 'Сидоров Пётр', email: 's@example.ru' } }),
    );
    for (const [i, step] of operatorToAnswerReady.entries()) {
      const result = await store.send('m-op', { ...step, at: at(10 + i) });
      if (!result.ok) throw new Error(result.error.message);
    }
    return store;
  }

  it('never reports a failure of an answer e-mail another worker delivered', async () => {
    const store = await ready();
    const slow = slowSender('fail');
    // a claims the entry and stalls in its send past its one-minute lease …
    const late = deliverNotifications({
      store,
      sender: slow.sender,
      configs: [],
      now: at(20),
      leaseMs: 60_000,
      maxAttempts: 1,
      workerId: 'a',
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // … b claims it again, sends it and reports it sent …
    const other = createRecordingSender();
    const on = await deliverNotifications({
      store,
      sender: other,
      configs: [],
      now: at(22),
      workerId: 'b',
    });
    expect(on).toMatchObject({ completed: 1, failed: [], stale: [] });
    expect(other.sent).toHaveLength(1);
    // … then a's send fails for good: its claim is stale, so nothing is recorded.
    slow.release();
    const round = await late;
    expect(round.failed).toEqual([]);
    expect(round.stale).toEqual([{ entryId: expect.any(String), sent: false }]);
    expect((await store.get('m-op'))?.snapshot.context.answerEmail).toMatchObject({
      status: 'sent',
    });
    expect(store.outbox.filter((e) => e.effect.type === 'email.answer')).toMatchObject([
      { state: 'done', attempts: 2, lockedBy: 'b', lastError: null },
    ]);
  });

  it('lists an entry it sent under a stale claim as sent, and leaves the outcome to the holder', async () => {
    const store = await ready();
    const slow = slowSender('send');
    const late = deliverNotifications({
      store,
      sender: slow.sender,
      configs: [],
      now: at(20),
      workerId: 'a',
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const [taken] = await store.claimOutbox({ now: at(22), workerId: 'b' });
    expect(taken).toMatchObject({ attempts: 2, lockedBy: 'b' });
    slow.release();
    const round = await late;
    expect(round.failed).toEqual([]);
    expect(round.stale).toEqual([{ entryId: taken?.id, sent: true }]);
    expect(round.completed).toBe(round.claimed - 1);
    expect(round.sent.filter((e) => e.to.includes('s@example.ru'))).toHaveLength(1);
    // The holder settles it; a's round reported nothing to the workflow.
    expect((await store.get('m-op'))?.snapshot.context.answerEmail?.status).toBe('requested');
  });
});
