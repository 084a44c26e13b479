import {
  createDirectory,
  createMemoryStore,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import { onfDemoDirectoryInput, onfDemoUsers } from '@reshaem/core/testing';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/index.js';
import { handleAppOptions } from './support.js';

/**
 * Region 75 with both workflows: the ОНФ demo world and the regional government, a ПОС
 * organisation that coordinates the region. Its curator holds the same role name as the
 * РИК's curator; another person is the government's curator and the РИК's supervisor.
 */
const posCurator: Principal = { id: 'cur-gov-75', roles: [{ role: 'curator', orgId: 'gov-75' }] };
const posCuratorRikSupervisor: Principal = {
  id: 'cur-gov-sup-75',
  roles: [
    { role: 'curator', orgId: 'gov-75' },
    { role: 'supervisor', orgId: 'rik-75' },
  ],
};
const directory = createDirectory({
  ...onfDemoDirectoryInput,
  organisations: [
    ...(onfDemoDirectoryInput.organisations ?? []),
    {
      id: 'gov-75',
      name: 'Правительство Забайкальского края',
      regionCode: '75',
      coordinatesRegion: true,
      workflow: 'pos',
    },
  ],
  users: [...(onfDemoDirectoryInput.users ?? []), posCurator, posCuratorRikSupervisor],
});
const users: Record<string, Principal> = {
  ...onfDemoUsers,
  posCurator,
  posCuratorRikSupervisor,
  system: SYSTEM_PRINCIPAL,
};

function world() {
  const app = createHttpApp({
    store: createMemoryStore({ directory }),
    ...handleAppOptions(users),
  });
  return (method: string, path: string, as: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${as}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** A card of region 75 the executor has resolved: it waits for a curator. */
async function cardInCheck() {
  const call = world();
  const steps: [string, Record<string, unknown>][] = [
    ['supervisor75', { type: 'case.assign', executorId: 'exec-75' }],
    ['executor75', { type: 'case.lock' }],
    ['executor75', { type: 'case.resolve', description: 'Лекарства доставлены' }],
  ];
  const created = await call('POST', '/cases', 'system', {
    caseId: 'c-1',
    number: 'N-1',
    applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18' },
    text: 'Прошу помочь с доставкой лекарств',
    regionCode: '75',
    categoryType: 'nko',
    categoryId: 'medicine',
  });
  expect(created.status).toBe(201);
  for (const [as, body] of steps) {
    expect((await call('POST', '/cases/c-1/events', as, body)).status).toBe(200);
  }
  return call;
}

describe('a ПОС curator of the card’s region over HTTP', () => {
  it('is refused case.accept with 403 problem+json when the card is in sight through an ОНФ role', async () => {
    const call = await cardInCheck();
    const view = await call('GET', '/cases/c-1', 'posCuratorRikSupervisor');
    expect(view.status).toBe(200);
    const shown = (await view.json()) as { availableEvents: string[] };
    expect(shown.availableEvents).not.toContain('case.accept');
    const accepted = await call('POST', '/cases/c-1/events', 'posCuratorRikSupervisor', {
      type: 'case.accept',
    });
    expect(accepted.status).toBe(403);
    expect(accepted.headers.get('content-type')).toBe('application/problem+json');
    expect(((await accepted.json()) as { status: number }).status).toBe(403);
    const still = (await (await call('GET', '/cases/c-1', 'curator75')).json()) as {
      status: { code: string };
    };
    expect(still.status.code).toBe('curator_check');
    expect(
      (await call('POST', '/cases/c-1/events', 'curator75', { type: 'case.accept' })).status,
    ).toBe(200);
  });

  it('does not see the card at all with the ПОС role alone (404 problem+json, as any card out of scope)', async () => {
    const call = await cardInCheck();
    expect((await call('GET', '/cases/c-1', 'posCurator')).status).toBe(404);
    const accepted = await call('POST', '/cases/c-1/events', 'posCurator', { type: 'case.accept' });
    expect(accepted.status).toBe(404);
    expect(accepted.headers.get('content-type')).toBe('application/problem+json');
    const listed = await call('GET', '/cases', 'posCurator');
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
    const ofCurator = (await (await call('GET', '/cases', 'curator75')).json()) as {
      items: unknown[];
    };
    expect(ofCurator.items).toHaveLength(1);
  });
});
