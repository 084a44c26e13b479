import { describe, expect, it } from 'vitest';
import { drive, json, operatorBody, toApproval, toAssigned, users, world } from './support.js';

interface View {
  message: Record<string, unknown> & {
    answer: { text: string; preparedBy: string | null; approvedBy: string | null } | null;
  };
  deadlines: { execution: unknown; pendingExtension: unknown };
}
interface History {
  items: { type: string; by: { id: string; name?: string }; payload: Record<string, unknown> }[];
}

/** Assigned at the roads ministry, then returned by its coordinator to the government. */
const returned = [
  ...toAssigned,
  {
    as: 'coordinatorRoads' as const,
    event: { type: 'coordination.return', comment: 'Не наш участок, передайте в ГБУ' },
  },
];

describe('what an applicant sees of their own message', () => {
  it('no draft answer before the head approves it; the answer once approved', async () => {
    const w = world();
    const id = await drive(w, toApproval);
    const mine = await json<View>(await w.call('GET', `/messages/${id}`, { as: 'applicant' }));
    expect(mine.message.answer).toBeNull();
    const staff = await json<View>(await w.call('GET', `/messages/${id}`, { as: 'headRoads' }));
    expect(staff.message.answer?.text).toBe('Яма заделана 20.01.2025');

    w.clock.advance(1);
    const approved = await w.call('POST', `/messages/${id}/events`, {
      as: 'headRoads',
      body: { type: 'answer.approve' },
    });
    expect(approved.status).toBe(200);
    const after = await json<View>(await w.call('GET', `/messages/${id}`, { as: 'applicant' }));
    expect(after.message.answer?.text).toBe('Яма заделана 20.01.2025');
    // The answer is the organisation's: the officials who prepared and approved it stay out.
    expect(after.message.answer).toMatchObject({ preparedBy: null, approvedBy: null });
    const text = JSON.stringify(after);
    for (const official of [users.executorRoads, users.headRoads, users.coordinatorRoads]) {
      expect(text).not.toContain(official.id);
    }
    const staffAfter = await json<View>(
      await w.call('GET', `/messages/${id}`, { as: 'headRoads' }),
    );
    expect(staffAfter.message.answer).toMatchObject({
      preparedBy: users.executorRoads.id,
      approvedBy: users.headRoads.id,
    });
  });

  it('no routing, executors or internal comments, in the message, the list and the history', async () => {
    const w = world();
    const id = await drive(w, returned);
    const staff = await json<View>(
      await w.call('GET', `/messages/${id}`, { as: 'coordinatorGov' }),
    );
    expect(staff.message.lastReturnComment).toBe('Не наш участок, передайте в ГБУ');

    const mine = await json<View>(await w.call('GET', `/messages/${id}`, { as: 'applicant' }));
    expect(mine.message).toMatchObject({
      lastReturnComment: null,
      coordinatorId: null,
      executorId: null,
      executionDueAt: null,
    });
    const list = await json<{ items: View[] }>(
      await w.call('GET', '/messages', { as: 'applicant' }),
    );
    expect(list.items[0]?.message.lastReturnComment).toBeNull();

    const history = await json<History>(
      await w.call('GET', `/messages/${id}/history`, { as: 'applicant' }),
    );
    const text = JSON.stringify(history);
    expect(text).not.toContain('Не наш участок');
    expect(text).not.toContain(users.coordinatorRoads.id);
    const own = history.items.find((i) => i.type === 'submit');
    expect(own?.by.id).toBe(users.applicant.id);
    const accept = history.items.find((i) => i.type === 'moderation.accept');
    expect(accept?.by).toEqual({ id: 'kam-roads', name: expect.any(String) });

    const staffHistory = await json<History>(
      await w.call('GET', `/messages/${id}/history`, { as: 'coordinatorGov' }),
    );
    const ret = staffHistory.items.find((i) => i.type === 'coordination.return');
    expect(ret?.payload.comment).toBe('Не наш участок, передайте в ГБУ');
  });

  it('the same in the export', async () => {
    const w = world();
    await drive(w, toAssigned);
    const mine = await (await w.call('GET', '/messages/export.csv', { as: 'applicant' })).text();
    const staff = await (
      await w.call('GET', '/messages/export.csv', { as: 'coordinatorRoads' })
    ).text();
    expect(staff).toContain(users.executorRoads.name as string);
    expect(mine).not.toContain(users.executorRoads.name as string);
  });
});

describe('what a 122 operator sees of a phoned-in message', () => {
  it('the contact details and the delivery record, not the officials or a draft', async () => {
    const w = world();
    const id = await drive(
      w,
      [
        {
          as: 'coordinatorUlyRoads',
          event: { type: 'executor.assign', executorId: users.executorUlyRoads.id },
        },
        { as: 'executorUlyRoads', event: { type: 'work.take' } },
        {
          as: 'executorUlyRoads',
          event: { type: 'answer.submit', answer: { type: 'resolved', text: 'Черновик ответа' } },
        },
        { as: 'headUlyRoads', event: { type: 'answer.return', comment: 'Переделать' } },
      ],
      { as: 'operator', body: operatorBody() },
    );
    const seen = await json<View>(await w.call('GET', `/messages/${id}`, { as: 'operator' }));
    expect(seen.message).toMatchObject({
      applicant: { name: 'Сидоров Пётр', phone: '+7 902 000-00-00' },
      enteredBy: users.operator.id,
      answer: null,
      lastReturnComment: null,
      executorId: null,
    });
    const text = JSON.stringify(seen);
    for (const official of [
      users.executorUlyRoads,
      users.headUlyRoads,
      users.coordinatorUlyRoads,
    ]) {
      expect(text).not.toContain(official.id);
    }
    expect(text).not.toContain('Черновик ответа');
    const staff = await json<View>(await w.call('GET', `/messages/${id}`, { as: 'headUlyRoads' }));
    expect(staff.message.answer?.text).toBe('Черновик ответа');
  });
});
