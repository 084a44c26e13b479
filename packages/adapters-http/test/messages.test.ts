import { describe, expect, it } from 'vitest';
import {
  drive,
  expectProblem,
  json,
  operatorBody,
  potholeBody,
  type Step,
  T0,
  toAnswerSent,
  toAssigned,
  users,
  world,
} from './support.js';

interface View {
  id: string;
  version: number;
  status: {
    code: string;
    label: string;
    stage: string;
    folder: string | null;
    folderLabel: string | null;
  };
  message: Record<string, unknown> & { applicant: { userId: string | null } };
  deadlines: {
    timeZone: string;
    response: { dueAt: string; label: string; countdown: string; dueSoon: boolean } | null;
    execution: { dueAt: string; countdown: string } | null;
  };
  availableEvents: string[];
}

describe('POST /messages', () => {
  it('submits for the applicant: 201, Location, ETag, stamped by the server', async () => {
    const w = world();
    const res = await w.call('POST', '/messages', {
      as: 'applicant',
      body: { ...potholeBody(), at: '2000-01-01T00:00:00Z', by: users.headGov, number: 'mine' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('messages/m-1');
    expect(res.headers.get('etag')).toBe('"1"');
    const view = await json<View>(res);
    // The backoffice folder is the organisations' queue: the applicant gets the status alone.
    expect(view.status).toMatchObject({
      code: 'moderation',
      label: 'На модерации',
      folder: null,
      folderLabel: null,
    });
    const staffView = await json<View>(await w.call('GET', '/messages/m-1', { as: 'moderator' }));
    expect(staffView.status).toMatchObject({ folder: 'new', folderLabel: 'Новые' });
    expect(view.message.createdAt).toBe(T0);
    expect(view.message.submittedBy).toBe(users.applicant.id);
    expect(view.message.applicant.userId).toBe(users.applicant.id);
    expect(view.message.number).toBe('41-250115-0001');
    const history = await w.store.history('m-1');
    expect(history[0]?.by.id).toBe(users.applicant.id);
  });

  it('starts operator-entered messages in coordination', async () => {
    const w = world();
    const res = await w.call('POST', '/messages', { as: 'operator', body: operatorBody() });
    expect(res.status).toBe(201);
    const view = await json<View>(res);
    expect(view.status.code).toBe('coordination');
    expect(view.deadlines.response?.label).toBe('до 23:59 25.01.2025');
  });

  it('refuses a channel the caller may not use (403) and invalid fields (422 with paths)', async () => {
    const w = world();
    await expectProblem(
      await w.call('POST', '/messages', { as: 'coordinatorRoads', body: potholeBody() }),
      'forbidden',
      403,
    );
    const bad = await expectProblem(
      await w.call('POST', '/messages', {
        as: 'applicant',
        body: potholeBody({ channel: 'pigeon', text: '', applicant: { name: 'И', email: 'x' } }),
      }),
      'validation',
      422,
    );
    const paths = (bad.errors as { path: unknown[] }[]).map((e) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['channel', 'text', 'applicant.email']));
    await expectProblem(
      await w.call('POST', '/messages', {
        as: 'applicant',
        body: potholeBody({ subcategoryId: 'no-such' }),
      }),
      'validation',
      422,
    );
    expect(await w.store.get('m-1')).toBeUndefined();
  });

  it('replays a submission retried with the same Idempotency-Key, conflicts on a different body', async () => {
    const w = world();
    const headers = { 'idempotency-key': 'submit-1' };
    const first = await w.call('POST', '/messages', {
      as: 'applicant',
      body: potholeBody(),
      headers,
    });
    w.clock.advance(5);
    const again = await w.call('POST', '/messages', {
      as: 'applicant',
      body: potholeBody(),
      headers,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [await json<View>(first), await json<View>(again)];
    expect(b.id).toBe(a.id);
    expect(b.message.number).toBe(a.message.number);
    expect(a.message.number).toBe('41-250115-0001');
    expect(b.version).toBe(1);
    await expectProblem(
      await w.call('POST', '/messages', {
        as: 'applicant',
        body: potholeBody({ text: 'Другой текст' }),
        headers,
      }),
      'idempotency-conflict',
      422,
    );
    // Another applicant's key is their own.
    const other = await w.call('POST', '/messages', {
      as: 'applicant2',
      body: potholeBody(),
      headers,
    });
    expect(other.status).toBe(201);
    expect((await json<View>(other)).id).not.toBe(a.id);
  });

  it('refuses a client-chosen id that exists (409 already-exists)', async () => {
    const w = world();
    const body = potholeBody({ messageId: 'chosen' });
    expect((await w.call('POST', '/messages', { as: 'applicant', body })).status).toBe(201);
    await expectProblem(
      await w.call('POST', '/messages', { as: 'applicant', body }),
      'already-exists',
      409,
    );
  });
});

describe('GET /messages/{id}', () => {
  it('shows status, deadlines with the Russian countdown and the caller’s events', async () => {
    const w = world();
    const id = await drive(w, toAssigned);
    w.clock.now = new Date('2025-01-15T21:20:00Z');
    const res = await w.call('GET', `/messages/${id}`, { as: 'executorRoads' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"3"');
    const view = await json<View>(res);
    expect(view.status).toMatchObject({ code: 'executor_assigned', stage: 'execution' });
    expect(view.deadlines.timeZone).toBe('Asia/Kamchatka');
    expect(view.deadlines.response).toMatchObject({
      label: 'до 23:59 25.01.2025',
      countdown: '9 дней 14 часов 39 минут / до 23:59 25.01.2025',
      dueSoon: false,
    });
    expect(view.availableEvents).toContain('work.take');
    const coordinator = await json<View>(
      await w.call('GET', `/messages/${id}`, { as: 'coordinatorRoads' }),
    );
    expect(coordinator.availableEvents).toContain('executor.reassign');
    expect(coordinator.availableEvents).not.toContain('work.take');
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const w = world();
    const id = await drive(w, []);
    const res = await w.call('GET', `/messages/${id}`, {
      as: 'applicant',
      headers: { 'if-none-match': '"1"' },
    });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe('"1"');
  });

  it('is 404 for a message outside the caller’s scope, exactly as for a missing one', async () => {
    const w = world();
    const id = await drive(w, []);
    for (const as of ['applicant2', 'coordinatorUly', 'executorRoads', 'operator'] as const) {
      const hidden = await expectProblem(
        await w.call('GET', `/messages/${id}`, { as }),
        'not-found',
        404,
      );
      const missing = await expectProblem(
        await w.call('GET', '/messages/nope', { as }),
        'not-found',
        404,
      );
      expect(Object.keys(hidden).sort()).toEqual(Object.keys(missing).sort());
      await expectProblem(await w.call('GET', `/messages/${id}/history`, { as }), 'not-found', 404);
    }
  });
});

describe('GET /messages/{id}/history', () => {
  it('lists the ход работ with Russian labels, oldest first', async () => {
    const w = world();
    const id = await drive(w, toAnswerSent);
    const res = await w.call('GET', `/messages/${id}/history`, { as: 'coordinatorRoads' });
    expect(res.status).toBe(200);
    const { items } = await json<{ items: Record<string, unknown>[] }>(res);
    expect(items.map((i) => i.type)).toEqual([
      'submit',
      'moderation.accept',
      'executor.assign',
      'work.take',
      'answer.submit',
      'answer.approve',
    ]);
    expect(items[0]).toMatchObject({
      version: 1,
      fromStatus: null,
      toStatus: 'moderation',
      toStatusLabel: 'На модерации',
      holdingOrgName: 'Министерство транспорта и дорожного строительства Камчатского края',
    });
    expect(items.at(-1)).toMatchObject({ toStatusLabel: 'Отправлен ответ заявителю', version: 6 });
    const mine = await json<{ items: Record<string, unknown>[] }>(
      await w.call('GET', `/messages/${id}/history`, { as: 'applicant' }),
    );
    // The applicant's steps only: not the assignment, taking it in work, or the draft.
    expect(mine.items.map((i) => i.type)).toEqual([
      'submit',
      'moderation.accept',
      'answer.approve',
    ]);
  });
});

describe('GET /folders and GET /catalogue', () => {
  it('counts the caller’s folders and queues, per role', async () => {
    const w = world();
    await drive(w, []);
    const assigned = await drive(w, toAssigned);
    await drive(w, toAnswerSent);
    const folders = async (as: 'coordinatorRoads' | 'executorRoads' | 'headRoads') => {
      const res = await w.call('GET', '/folders', { as });
      expect(res.status).toBe(200);
      return (
        await json<{ folders: { code: string; kind: string; label: string; count: number }[] }>(res)
      ).folders;
    };
    const coordinator = await folders('coordinatorRoads');
    expect(coordinator.map((f) => f.label)).toEqual([
      'Новые',
      'В работе',
      'Возвращены',
      'Обработанные',
      'Направлены на согласование',
      'Возвращены на координацию',
      'Скоро срок',
      'Просрочено',
    ]);
    const countsOf = (list: { code: string; count: number }[]) =>
      Object.fromEntries(list.map((f) => [f.code, f.count]));
    expect(countsOf(coordinator)).toMatchObject({ new: 1, in_work: 1, processed: 1 });
    // The executor's «Новые» are the messages assigned to them and not yet taken.
    const executor = await folders('executorRoads');
    expect(executor.map((f) => [f.kind, f.code, f.label])).toEqual([
      ['queue', 'assigned_new', 'Новые'],
      ['queue', 'assigned_in_work', 'В работе'],
      ['queue', 'assigned_returned', 'Возвращены'],
      ['queue', 'due_soon', 'Скоро срок'],
      ['queue', 'overdue', 'Просрочено'],
    ]);
    expect(countsOf(executor)).toEqual({
      assigned_new: 1,
      assigned_in_work: 0,
      assigned_returned: 0,
      due_soon: 0,
      overdue: 0,
    });
    const listed = await json<{ items: { id: string }[] }>(
      await w.call('GET', '/messages?queue=assigned_new', { as: 'executorRoads' }),
    );
    expect(listed.items.map((i) => i.id)).toEqual([assigned]);
    const head = await folders('headRoads');
    expect(head.map((f) => f.code)).toEqual([
      'on_approval',
      'extension_requests',
      'due_soon',
      'overdue',
    ]);
  });

  it('lists with a total, by source «телефон 112», 59-ФЗ and a selection of ids', async () => {
    const w = world();
    const first = await drive(w, []);
    const second = await drive(w, [], {
      as: 'applicant',
      body: potholeBody({ lawType: 'appeal_59fz' }),
    });
    const phoned = await drive(w, [], { as: 'operator', body: operatorBody() });
    const ids = async (query: string) => {
      const res = await w.call('GET', `/messages?${query}`, { as: 'system' });
      expect(res.status, await res.clone().text()).toBe(200);
      return json<{ items: { id: string }[]; total?: number }>(res);
    };
    const page = await ids('limit=1&withTotal=true');
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(3);
    expect((await ids('limit=1')).total).toBeUndefined();
    expect((await ids('source=phone_112')).items.map((i) => i.id)).toEqual([phoned]);
    expect((await ids('appeal59fz=true')).items.map((i) => i.id)).toEqual([second]);
    expect(
      (await ids(`ids=${first}&ids=${phoned}&sort=createdAt&direction=asc`)).items.map((i) => i.id),
    ).toEqual([first, phoned]);
    const exported = await w.call('GET', '/messages/export.csv?withTotal=true', { as: 'system' });
    expect(exported.status).toBe(422);
  });

  it('lists by rating: rated or not, by score (the parameter repeated), re-reviewed or not', async () => {
    const w = world();
    const rate = (score: number): Step => ({
      as: 'applicant',
      event: { type: 'rating.submit', score },
    });
    const five = await drive(w, [...toAnswerSent, rate(5)]);
    const two = await drive(w, [...toAnswerSent, rate(2)]);
    const unrated = await drive(w, toAnswerSent);
    const ids = async (query: string) => {
      const res = await w.call('GET', `/messages?${query}&sort=createdAt&direction=asc`, {
        as: 'system',
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await json<{ items: { id: string }[] }>(res)).items.map((i) => i.id);
    };
    expect(await ids('rated=true')).toEqual([five, two]);
    expect(await ids('rated=false')).toEqual([unrated]);
    expect(await ids('ratingScores=5')).toEqual([five]);
    expect(await ids('ratingScores=1&ratingScores=2')).toEqual([two]);
    expect(await ids('reReviewed=true')).toEqual([two]);
    expect(await ids('reReviewed=false')).toEqual([five, unrated]);
    const bad = await w.call('GET', '/messages?ratingScores=6&ratingScores=пять', { as: 'system' });
    await expectProblem(bad, 'validation', 422);
  });

  it('refuses folders to those who do not work them: applicants and operators get 403', async () => {
    const w = world();
    const id = await drive(w, toAssigned);
    for (const as of ['applicant', 'applicant2', 'operator'] as const) {
      const counts = await w.call('GET', '/folders', { as });
      expect(counts.status).toBe(403);
      expect((await json<{ type: string }>(counts)).type).toBe(
        'https://reshaem.dev/problems/forbidden',
      );
      for (const path of ['/messages', '/messages/export.csv', '/messages/export.xlsx']) {
        const filtered = await w.call('GET', `${path}?folder=in_work`, { as });
        expect(filtered.status).toBe(403);
        const queued = await w.call('GET', `${path}?queue=due_soon`, { as });
        expect(queued.status).toBe(403);
      }
    }
    const own = await json<{ items: { id: string; status: { folder: string | null } }[] }>(
      await w.call('GET', '/messages', { as: 'applicant' }),
    );
    expect(own.items.map((i) => [i.id, i.status.folder])).toEqual([[id, null]]);
    const staff = await w.call('GET', '/messages?folder=in_work', { as: 'coordinatorRoads' });
    expect((await json<{ items: { id: string }[] }>(staff)).items.map((i) => i.id)).toEqual([id]);
  });

  it('serves the catalogue without authentication, with deadline rules and facts', async () => {
    const w = world();
    const res = await w.call('GET', '/catalogue');
    expect(res.status).toBe(200);
    const catalogue = await json<{ categories: { id: string; subcategories: unknown[] }[] }>(res);
    const roads = catalogue.categories.find((c) => c.id === 'roads');
    expect(roads?.subcategories[0]).toMatchObject({
      id: 'potholes',
      fastTrack: true,
      deadline: { days: 10, unit: 'calendar' },
      facts: [{ id: 'pothole-yard' }, { id: 'pothole-street' }],
    });
  });
});
