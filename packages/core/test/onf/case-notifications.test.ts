import { describe, expect, it } from 'vitest';
import {
  createDirectory,
  createMemoryStore,
  createRecordingSender,
  deliverNotifications,
  renderCaseNotifications,
} from '../../src/index.js';
import { onfDemoDirectoryInput } from '../../src/testing/index.js';
import { at, createCard, users } from './helpers.js';

/** The ОНФ demo world, every user with an address of their own. */
const directory = createDirectory({
  ...onfDemoDirectoryInput,
  users: (onfDemoDirectoryInput.users ?? []).map((u) => ({
    ...u,
    email: `${u.id}@onf.example.ru`,
  })),
});
const address = (user: { id: string }) => `${user.id}@onf.example.ru`;

async function assignedCard() {
  const store = createMemoryStore({ directory });
  const created = await store.submitCase(createCard());
  if (!created.ok) throw new Error(created.error.message);
  const assigned = await store.sendCase('c-1', {
    type: 'case.assign',
    at: at(1),
    by: users.supervisor75,
    executorId: users.executor75.id,
  });
  if (!assigned.ok) throw new Error(assigned.error.message);
  return { store, created, assigned };
}

describe('renderCaseNotifications', () => {
  it('writes to a user at their address and to a role at everyone holding it in the region', async () => {
    const { created, assigned } = await assignedCard();
    const received = renderCaseNotifications(
      created.effects,
      created.case.snapshot.context,
      created.case.status,
      directory,
    );
    expect(received.skipped).toEqual([]);
    // Supervisors of region 75: the РИК's supervisor and the supervisor-executor.
    expect(received.emails.map((e) => e.to)).toEqual([
      [address(users.supervisor75), address(users.multi75)],
    ]);
    const toExecutor = renderCaseNotifications(
      assigned.effects,
      assigned.case.snapshot.context,
      assigned.case.status,
      directory,
    );
    expect(toExecutor.emails).toHaveLength(1);
    expect(toExecutor.emails[0]).toMatchObject({
      workflow: 'onf',
      to: [address(users.executor75)],
      subject: 'ОНФ. Помощь: карточка № 340820 — назначена вам',
      caseId: 'c-1',
      reason: 'case_assigned',
    });
    expect(toExecutor.emails[0]?.text).toContain('Регион: Забайкальский край.');
    expect(toExecutor.emails[0]?.text).toContain('Статус: В работе.');
  });

  it('skips what it cannot address and another card’s effects, and escapes the HTML', async () => {
    const { assigned } = await assignedCard();
    const card = { ...assigned.case.snapshot.context, text: '<b>лекарства</b> & еда' };
    const ghost = { ...assigned.effects[0]!, to: { kind: 'user' as const, userId: 'nobody' } };
    const other = { ...assigned.effects[0]!, messageId: 'c-2' };
    const rendered = renderCaseNotifications(
      [...assigned.effects, ghost, other],
      card,
      'in_work',
      directory,
    );
    expect(rendered.skipped).toEqual([
      { effect: ghost, reason: 'no_address' },
      { effect: other, reason: 'other_card' },
    ]);
    expect(rendered.emails[0]?.html).toContain('&lt;b&gt;лекарства&lt;/b&gt; &amp; еда');
    expect(rendered.emails[0]?.html).toContain('<br>');
  });
});

describe('deliverNotifications with cards', () => {
  it('sends the card notices from the outbox once, and retries a refused send', async () => {
    const { store } = await assignedCard();
    const sender = createRecordingSender();
    sender.failNext(1);
    const first = await deliverNotifications({ store, sender, configs: [], now: at(2) });
    expect(first.failed).toHaveLength(1);
    const second = await deliverNotifications({ store, sender, configs: [], now: at(2) });
    expect(second.sent).toEqual([]);
    const later = await deliverNotifications({ store, sender, configs: [], now: at(10) });
    expect(later.failed).toEqual([]);
    const subjects = sender.sent.map((e) => e.subject).sort();
    expect(subjects).toEqual([
      'ОНФ. Помощь: карточка № 340820 — назначена вам',
      'ОНФ. Помощь: карточка № 340820 — новое обращение',
    ]);
    const again = await deliverNotifications({ store, sender, configs: [], now: at(60) });
    expect(again.claimed).toBe(0);
  });
});
