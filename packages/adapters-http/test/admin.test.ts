import { describe, expect, it } from 'vitest';
import { potholeBody, world } from './support.js';

const base = '/admin/organisations/kam-roads';
const rule = {
  id: 'r-potholes',
  name: 'Ямы — Новикову',
  position: 10,
  match: { subcategoryIds: ['potholes'] },
  action: { kind: 'assign', executorId: 'exec-kam-roads' },
};
const notification = {
  id: 'n-received',
  name: 'Поступление сообщения в ЛКО',
  type: 'message_received',
  emails: [{ address: 'info@roads.kamgov.ru' }],
  body: 'Сообщение № {{Номер сообщения}}',
};
const template = {
  id: 't-pothole',
  name: 'Яма',
  body: 'Уважаемый(ая) {{ФИО Заявителя}}! Сообщение № {{Номер сообщения}} рассмотрено.',
};

interface Problem {
  type: string;
  errors?: { in: string; path: (string | number)[]; message: string }[];
}

describe('organisation admin endpoints', () => {
  it('require an admin of that organisation: 401, 403, 404 as problems', async () => {
    const w = world();
    const anon = await w.call('GET', `${base}/autorules`);
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toBe('application/problem+json');
    const coordinator = await w.call('GET', `${base}/autorules`, { as: 'coordinatorRoads' });
    expect(coordinator.status).toBe(403);
    expect(((await coordinator.json()) as Problem).type).toMatch(/forbidden$/);
    const otherAdmin = await w.call('PUT', '/admin/organisations/kam-gov/autorules', {
      as: 'adminRoads',
      body: { items: [] },
    });
    expect(otherAdmin.status).toBe(403);
    expect(
      (await w.call('GET', '/admin/organisations/nope/notifications', { as: 'adminRoads' })).status,
    ).toBe(404);
    expect((await w.call('GET', `${base}/answer-templates`, { as: 'adminRoads' })).status).toBe(
      200,
    );
  });

  it('saves autorules that the write path then applies as the system', async () => {
    const w = world();
    const saved = await w.call('PUT', `${base}/autorules`, {
      as: 'adminRoads',
      body: { items: [rule] },
    });
    expect(saved.status).toBe(200);
    const listed = (await (
      await w.call('GET', `${base}/autorules`, { as: 'adminRoads' })
    ).json()) as {
      items: { id: string; orgId: string; enabled: boolean }[];
    };
    expect(listed.items).toEqual([
      expect.objectContaining({ id: 'r-potholes', orgId: 'kam-roads', enabled: true }),
    ]);
    await w.call('POST', '/messages', { as: 'applicant', body: potholeBody() });
    const accepted = await w.call('POST', '/messages/m-1/events', {
      as: 'moderator',
      body: { type: 'moderation.accept' },
    });
    expect(accepted.status).toBe(200);
    const stored = await w.store.get('m-1');
    expect(stored).toMatchObject({ version: 3, status: 'executor_assigned' });
    expect((await w.store.history('m-1')).at(-1)?.by.id).toBe('system');
  });

  it('refuses invalid rules with 422 and every field path', async () => {
    const w = world();
    const res = await w.call('PUT', `${base}/autorules`, {
      as: 'adminRoads',
      body: {
        items: [
          { ...rule, action: { kind: 'assign', executorId: 'exec-kam-gov' } },
          { ...rule, id: 'r-2', orgId: 'kam-gov', action: { kind: 'forward', orgId: 'kam-roads' } },
        ],
      },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.errors?.map((e) => [e.in, e.path])).toEqual([
      ['body', ['items', 0, 'action', 'executorId']],
      ['body', ['items', 1, 'orgId']],
    ]);
    expect(
      (await (await w.call('GET', `${base}/autorules`, { as: 'adminRoads' })).json()) as unknown,
    ).toEqual({
      items: [],
    });
  });

  it('tries a rule on a message without saving anything', async () => {
    const w = world();
    await w.call('POST', '/messages', { as: 'applicant', body: potholeBody() });
    await w.call('POST', '/messages/m-1/events', {
      as: 'moderator',
      body: { type: 'moderation.accept' },
    });
    const res = await w.call('POST', `${base}/autorules/test`, {
      as: 'adminRoads',
      body: { rule, messageId: 'm-1' },
    });
    expect(res.status).toBe(200);
    const { trial } = (await res.json()) as { trial: { kind: string; status: string } };
    expect(trial).toMatchObject({ kind: 'accepted', status: 'executor_assigned' });
    expect(await w.store.get('m-1')).toMatchObject({ version: 2, status: 'coordination' });
    const bad = await w.call('POST', `${base}/autorules/test`, {
      as: 'adminRoads',
      body: { rule: { ...rule, position: -1 }, messageId: 'm-1' },
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as Problem).errors?.[0]?.path).toEqual(['rule', 'position']);
    const missing = await w.call('POST', `${base}/autorules/test`, {
      as: 'adminRoads',
      body: { rule, messageId: 'nope' },
    });
    expect(missing.status).toBe(404);
  });

  it('checks notification templates at save time: an unknown placeholder is a 422', async () => {
    const w = world();
    const bad = await w.call('PUT', `${base}/notifications`, {
      as: 'adminRoads',
      body: { items: [{ ...notification, body: 'Сообщение {{Нет такого}}' }] },
    });
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as Problem;
    expect(problem.errors?.[0]).toMatchObject({ in: 'body', path: ['items', 0, 'body'] });
    expect(problem.errors?.[0]?.message).toContain('Нет такого');
    const ok = await w.call('PUT', `${base}/notifications`, {
      as: 'adminRoads',
      body: { items: [notification] },
    });
    expect(ok.status).toBe(200);
    const listed = (await (
      await w.call('GET', `${base}/notifications`, { as: 'adminRoads' })
    ).json()) as {
      items: { id: string }[];
    };
    expect(listed.items.map((n) => n.id)).toEqual(['n-received']);
  });

  it('saves answer templates and renders one for a message', async () => {
    const w = world();
    await w.call('POST', '/messages', { as: 'applicant', body: potholeBody() });
    await w.call('POST', '/messages/m-1/events', {
      as: 'moderator',
      body: { type: 'moderation.accept' },
    });
    const saved = await w.call('PUT', `${base}/answer-templates`, {
      as: 'adminRoads',
      body: { items: [template] },
    });
    expect(saved.status).toBe(200);
    const res = await w.call('POST', `${base}/answer-templates/t-pothole/render?messageId=m-1`, {
      as: 'adminRoads',
    });
    expect(res.status).toBe(200);
    const number = (await w.store.get('m-1'))?.snapshot.context.number;
    expect(((await res.json()) as { text: string }).text).toBe(
      `Уважаемый(ая) Иванов Иван Иванович! Сообщение № ${number} рассмотрено.`,
    );
    const unknown = await w.call('POST', `${base}/answer-templates/nope/render?messageId=m-1`, {
      as: 'adminRoads',
    });
    expect(unknown.status).toBe(404);
    const dup = await w.call('PUT', `${base}/answer-templates`, {
      as: 'adminRoads',
      body: { items: [template, template] },
    });
    expect(dup.status).toBe(422);
  });
});
