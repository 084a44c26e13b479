import {
  createMemoryStore,
  type MessageStore,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import { createDemoDirectory, type DemoUserHandle, demoUsers } from '@reshaem/core/testing';
import { expect } from 'vitest';
import { createHttpApp, type HttpAppOptions } from '../src/index.js';

export const directory = createDemoDirectory();
/** The demo users, and `system` for timer events. */
export const users = { ...demoUsers, system: SYSTEM_PRINCIPAL } as Record<
  DemoUserHandle | 'system',
  Principal
>;
export type Handle = DemoUserHandle | 'system';
export const handles = Object.keys(users) as Handle[];

/** 23:18 on 15.01.2025 in Kamchatka (UTC+12). */
export const T0 = '2025-01-15T11:18:00.000Z';

/** `Authorization: Bearer <handle>` → that user; anything else → unauthenticated. */
export const authenticate = (request: Request): Principal | null => {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer (\S+)$/.exec(header);
  if (!match?.[1] || !Object.hasOwn(users, match[1])) return null;
  return users[match[1] as Handle];
};

/**
 * What the ОНФ tests' apps share: `Authorization: Bearer <handle>` → that one of `people`,
 * a clock one minute further on each call from 03:00 UTC on 15.01.2025, and unexpected
 * errors thrown into the test.
 */
export function handleAppOptions(
  people: Record<string, Principal>,
): Pick<HttpAppOptions, 'authenticate' | 'now' | 'onUnexpectedError'> {
  let minute = 0;
  return {
    authenticate: (request) => {
      const handle = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      return handle && Object.hasOwn(people, handle) ? (people[handle] ?? null) : null;
    },
    now: () => new Date(Date.parse('2025-01-15T03:00:00.000Z') + ++minute * 60_000),
    onUnexpectedError: (error) => {
      throw error;
    },
  };
}

export interface CallOptions {
  as?: Handle | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestWorld {
  app: ReturnType<typeof createHttpApp>;
  store: MessageStore;
  clock: { now: Date; advance(minutes: number): void };
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
}

/** A fresh app over a fresh in-memory store of the demo world, with a clock the test sets. */
export function world(options: Partial<HttpAppOptions> = {}): TestWorld {
  const store = options.store ?? createMemoryStore({ directory });
  const clock = {
    now: new Date(T0),
    advance(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
  };
  let counter = 0;
  const app = createHttpApp({
    store,
    authenticate,
    now: () => clock.now,
    newMessageId: () => `m-${++counter}`,
    onUnexpectedError: (error) => {
      throw error;
    },
    ...options,
  });
  const call: TestWorld['call'] = (method, path, { as, body, headers = {} } = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    const h = init.headers as Record<string, string>;
    if (as) h.authorization = `Bearer ${as}`;
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    return Promise.resolve(app.request(path, init));
  };
  return { app, store, clock, call };
}

/** A pothole in Petropavlovsk, sent by the demo applicant to the Kamchatka roads ministry. */
export const potholeBody = (overrides: Record<string, unknown> = {}) => ({
  channel: 'epgu_form',
  orgId: 'kam-roads',
  regionCode: '41',
  applicant: { name: 'Иванов Иван Иванович', email: 'ivanov@example.ru' },
  problemAddress: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
  text: 'Глубокая яма на проезжей части у дома 5',
  categoryId: 'roads',
  subcategoryId: 'potholes',
  factId: 'pothole-street',
  ...overrides,
});

/** A phoned-in message entered by the Ulyanovsk 112 operator. */
export const operatorBody = (overrides: Record<string, unknown> = {}) =>
  potholeBody({
    channel: 'operator',
    orgId: 'uly-roads',
    regionCode: '73',
    applicant: { name: 'Сидоров Пётр', phone: '+7 902 000-00-00' },
    text: 'Центр мониторинга 112: яма на дороге у остановки',
    ...overrides,
  });

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Asserts an RFC 9457 problem of this type and returns it. */
export async function expectProblem(response: Response, type: string, status?: number) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = await json(response);
  expect(body.type, JSON.stringify(body)).toBe(`https://reshaem.dev/problems/${type}`);
  if (status !== undefined) expect(response.status).toBe(status);
  expect(body.status).toBe(response.status);
  return body;
}

/** Everything the store holds, as one comparable string: messages, versions and histories. */
export async function storeState(store: MessageStore): Promise<string> {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(SYSTEM_PRINCIPAL, {
      limit: 200,
      sort: 'createdAt',
      direction: 'asc',
      ...(cursor ? { cursor } : {}),
    });
    for (const item of page.items) all.push({ item, history: await store.history(item.id) });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return JSON.stringify(all);
}

export interface Step {
  as: Handle;
  event: Record<string, unknown> & { type: string };
}

/** Submits through the API and drives the message with events, failing on any refusal. */
export async function drive(
  w: TestWorld,
  steps: Step[],
  submit: { as: Handle; body: Record<string, unknown> } = { as: 'applicant', body: potholeBody() },
): Promise<string> {
  const created = await w.call('POST', '/messages', { as: submit.as, body: submit.body });
  expect(created.status, JSON.stringify(await created.clone().json())).toBe(201);
  const { id } = await json<{ id: string }>(created);
  for (const step of steps) {
    w.clock.advance(1);
    const res = await w.call('POST', `/messages/${id}/events`, { as: step.as, body: step.event });
    expect(res.status, `${step.event.type} by ${step.as}: ${await res.clone().text()}`).toBe(200);
  }
  return id;
}

export const toCoordination: Step[] = [{ as: 'moderator', event: { type: 'moderation.accept' } }];
export const toAssigned: Step[] = [
  ...toCoordination,
  {
    as: 'coordinatorRoads',
    event: { type: 'executor.assign', executorId: users.executorRoads.id },
  },
];
export const toInWork: Step[] = [
  ...toAssigned,
  { as: 'executorRoads', event: { type: 'work.take' } },
];
export const toApproval: Step[] = [
  ...toInWork,
  {
    as: 'executorRoads',
    event: {
      type: 'answer.submit',
      answer: { type: 'resolved', text: 'Яма заделана 20.01.2025', files: [{ name: 'акт.pdf' }] },
    },
  },
];
export const toAnswerSent: Step[] = [
  ...toApproval,
  { as: 'headRoads', event: { type: 'answer.approve' } },
];
