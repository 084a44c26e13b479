/**
 * Text PostgreSQL cannot store — a NUL byte, a lone UTF-16 surrogate — is refused as input
 * (422, or 404 for a path id) on every store, and nothing is written. On PGlite and
 * PostgreSQL these requests used to reach the database and fail there with a 500.
 */
import { createSqlStore, type SqlStore } from '@reshaem/adapters-sql';
import { createMemoryStore, type MessageStore, type Principal } from '@reshaem/core';
import { createOnfDemoDirectory, onfDemoUsers } from '@reshaem/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, testSchema } from '../../adapters-sql/test/databases.js';
import { createHttpApp } from '../src/index.js';
import {
  directory,
  drive,
  expectProblem,
  json,
  potholeBody,
  storeState,
  type TestWorld,
  toInWork,
  world,
} from './support.js';

const NUL = '\u0000';
const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';
const BAD = [
  ['a NUL byte', `яма${NUL}`],
  ['a lone high surrogate', `яма ${LONE_HIGH}`],
  ['a lone low surrogate', `${LONE_LOW}яма`],
] as const;

const onfDirectory = createOnfDemoDirectory();
const onfUsers: Record<string, Principal> = onfDemoUsers;

interface Backend {
  name: string;
  open(dir: Directory): Promise<MessageStore>;
  close(): Promise<void>;
}

type Directory = typeof directory | typeof onfDirectory;

function pgliteBackend(): Backend {
  const opened: SqlStore[] = [];
  return {
    name: 'PGlite',
    async open(dir: Directory) {
      const store = await createSqlStore({ directory: dir });
      opened.push(store);
      return store;
    },
    close: async () => {
      await Promise.all(opened.map((s) => s.close()));
    },
  };
}

/** Each store in a schema of its own, dropped afterwards. */
function postgresBackend(): Backend {
  const schemas: Awaited<ReturnType<typeof testSchema>>[] = [];
  return {
    name: 'PostgreSQL',
    async open(dir: Directory) {
      const schema = await testSchema('nul');
      schemas.push(schema);
      return createSqlStore({ db: schema.connect(2), directory: dir, migrate: true });
    },
    close: async () => {
      await Promise.all(schemas.map((s) => s.drop()));
    },
  };
}

const backends: Backend[] = [
  {
    name: 'memory',
    open: async (dir) => createMemoryStore({ directory: dir }),
    close: async () => {},
  },
  pgliteBackend(),
  ...(databaseUrl ? [postgresBackend()] : []),
];

describe.each(backends)('unstorable text on $name', (backend) => {
  let w: TestWorld;
  let inWork: string;
  let onf: ReturnType<typeof createHttpApp>;
  let onfStore: MessageStore;

  beforeAll(async () => {
    w = world({ store: await backend.open(directory) });
    inWork = await drive(w, toInWork);
    onfStore = await backend.open(onfDirectory);
    onf = createHttpApp({
      store: onfStore,
      authenticate: (request) => {
        const handle = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
        return handle && Object.hasOwn(onfUsers, handle) ? (onfUsers[handle] ?? null) : null;
      },
      now: () => new Date('2025-01-15T03:00:00.000Z'),
      onUnexpectedError: (error) => {
        throw error;
      },
    });
  }, 120_000);
  afterAll(() => backend.close());

  it.each(['text', 'orgIds', 'executorIds', 'categoryIds', 'subcategoryIds', 'factIds'])(
    'GET /messages with a NUL byte in %s: 422 naming the parameter',
    async (name) => {
      const res = await w.call('GET', `/messages?${name}=%00`, { as: 'coordinatorRoads' });
      const problem = await expectProblem(res, 'validation', 422);
      expect(problem.errors).toEqual([expect.objectContaining({ in: 'query', path: [name] })]);
    },
  );

  it('GET /messages/export.csv?text=%00 is a 422 too', async () => {
    const res = await w.call('GET', '/messages/export.csv?text=%00', { as: 'coordinatorRoads' });
    await expectProblem(res, 'validation', 422);
  });

  it('a path id with a NUL byte names no message: 404', async () => {
    const before = await storeState(w.store);
    for (const [method, path, body] of [
      ['GET', '/messages/%00', undefined],
      ['GET', `/messages/${inWork}%00/history`, undefined],
      ['POST', '/messages/%00/events', { type: 'work.take' }],
    ] as const) {
      const res = await w.call(method, path, { as: 'executorRoads', body });
      await expectProblem(res, 'not-found', 404);
    }
    expect(await storeState(w.store)).toBe(before);
  });

  const submits: [string, (bad: string) => Record<string, unknown>][] = [
    ['text', (bad) => potholeBody({ text: bad })],
    ['messageId', (bad) => potholeBody({ messageId: bad })],
    ['problemAddress', (bad) => potholeBody({ problemAddress: bad })],
    [
      'applicant.residenceAddress',
      (bad) =>
        potholeBody({ applicant: { name: 'Иванов Иван', email: null, residenceAddress: bad } }),
    ],
    ['applicant.name', (bad) => potholeBody({ applicant: { name: bad } })],
  ];
  for (const [label, body] of BAD) {
    it.each(submits)(`POST /messages with ${label} in %s: 422, nothing stored`, async (_, make) => {
      const before = await storeState(w.store);
      const res = await w.call('POST', '/messages', { as: 'applicant', body: make(body) });
      await expectProblem(res, 'validation', 422);
      expect(await storeState(w.store)).toBe(before);
    });

    it(`an answer file named with ${label}: 422, nothing stored`, async () => {
      const before = await storeState(w.store);
      const answer = { type: 'resolved', text: 'Заделано', files: [{ name: `акт${body}.pdf` }] };
      const res = await w.call('POST', `/messages/${inWork}/events`, {
        as: 'executorRoads',
        body: { type: 'answer.submit', answer },
      });
      const problem = await expectProblem(res, 'validation', 422);
      expect(JSON.stringify(problem.errors)).toContain('files');
      expect(await storeState(w.store)).toBe(before);
    });

    it(`an ОНФ card with ${label} in its text: 422, nothing stored`, async () => {
      const res = await onf.request('/cases', {
        method: 'POST',
        headers: { authorization: 'Bearer operator', 'content-type': 'application/json' },
        body: JSON.stringify({
          caseId: 'c-nul',
          number: 'N-1',
          applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18' },
          text: body,
          regionCode: '75',
          categoryType: 'nko',
          categoryId: 'medicine',
        }),
      });
      await expectProblem(res, 'validation', 422);
      const read = await onf.request('/cases/c-nul', {
        headers: { authorization: 'Bearer supervisor75' },
      });
      expect(read.status).toBe(404);
    });
  }

  it('the message driven here is still as it was', async () => {
    const res = await w.call('GET', `/messages/${inWork}`, { as: 'executorRoads' });
    expect(res.status).toBe(200);
    expect((await json<{ version: number }>(res)).version).toBe(4);
  });
});
