import { describe, expect, it } from 'vitest';
import {
  drive,
  expectProblem,
  json,
  storeState,
  toAssigned,
  toCoordination,
  users,
  world,
} from './support.js';

const update = (n: string) => ({ type: 'registration.update', registrationNumber: n });

describe('POST /messages/{id}/events', () => {
  it('applies the event, stamped with the server’s clock and the authenticated principal', async () => {
    const w = world();
    const id = await drive(w, toCoordination);
    w.clock.now = new Date('2025-01-16T00:00:00Z');
    const res = await w.call('POST', `/messages/${id}/events`, {
      as: 'coordinatorRoads',
      body: {
        type: 'executor.assign',
        executorId: users.executorRoads.id,
        at: '1999-01-01T00:00:00Z',
        by: users.headGov,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"3"');
    const view = await json<{ status: { code: string }; availableEvents: string[] }>(res);
    expect(view.status.code).toBe('executor_assigned');
    const last = (await w.store.history(id)).at(-1);
    expect(last).toMatchObject({
      at: '2025-01-16T00:00:00.000Z',
      by: { id: users.coordinatorRoads.id },
    });
  });

  it('answers 409 not-allowed-in-status and 403 forbidden, changing nothing', async () => {
    const w = world();
    const id = await drive(w, toCoordination);
    const before = await storeState(w.store);
    const wrongStatus = await expectProblem(
      await w.call('POST', `/messages/${id}/events`, {
        as: 'coordinatorRoads',
        body: { type: 'answer.approve' },
      }),
      'not-allowed-in-status',
      409,
    );
    expect(wrongStatus).toMatchObject({
      eventType: 'answer.approve',
      messageStatus: 'coordination',
    });
    await expectProblem(
      await w.call('POST', `/messages/${id}/events`, {
        as: 'headRoads',
        body: { type: 'work.take' },
      }),
      'forbidden',
      403,
    );
    expect(await storeState(w.store)).toBe(before);
  });

  it('answers 422 with field paths for a malformed event', async () => {
    const w = world();
    const id = await drive(w, toAssigned);
    await w.call('POST', `/messages/${id}/events`, {
      as: 'executorRoads',
      body: { type: 'work.take' },
    });
    const problem = await expectProblem(
      await w.call('POST', `/messages/${id}/events`, {
        as: 'executorRoads',
        body: {
          type: 'answer.submit',
          answer: { type: 'postponed', text: '', files: [{ name: 'x.exe' }] },
        },
      }),
      'validation',
      422,
    );
    const paths = (problem.errors as { in: string; path: unknown[] }[]).map(
      (e) => `${e.in}:${e.path.join('.')}`,
    );
    expect(paths).toEqual(expect.arrayContaining(['body:answer.text', 'body:answer.files.0.name']));
    await expectProblem(
      await w.call('POST', `/messages/${id}/events`, {
        as: 'executorRoads',
        body: { type: 'no.such' },
      }),
      'validation',
      422,
    );
  });

  it('hides messages the caller cannot see behind 404, whatever the event', async () => {
    const w = world();
    const id = await drive(w, toCoordination);
    for (const body of [{ type: 'work.take' }, { type: 'answer.approve' }, { type: 'nonsense' }]) {
      await expectProblem(
        await w.call('POST', `/messages/${id}/events`, { as: 'coordinatorUly', body }),
        'not-found',
        404,
      );
    }
    await expectProblem(
      await w.call('POST', '/messages/none/events', { as: 'coordinatorRoads', body: update('1') }),
      'not-found',
      404,
    );
  });

  describe('If-Match', () => {
    it('applies when the version matches and answers 412 when it does not', async () => {
      const w = world();
      const id = await drive(w, toCoordination);
      const ok = await w.call('POST', `/messages/${id}/events`, {
        as: 'coordinatorRoads',
        body: update('A'),
        headers: { 'if-match': '"2"' },
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).toBe('"3"');
      const before = await storeState(w.store);
      for (const ifMatch of ['"2"', '"1", "2"', 'W/"3"', 'garbage', '"0"']) {
        const stale = await expectProblem(
          await w.call('POST', `/messages/${id}/events`, {
            as: 'coordinatorRoads',
            body: update('B'),
            headers: { 'if-match': ifMatch },
          }),
          'version-conflict',
          412,
        );
        expect(stale.currentVersion).toBe(3);
      }
      expect(await storeState(w.store)).toBe(before);
      for (const form of [(v: string) => v, (v: string) => `"1", ${v}`, () => '*']) {
        const current = (await w.store.get(id))?.version ?? 0;
        const res = await w.call('POST', `/messages/${id}/events`, {
          as: 'coordinatorRoads',
          body: update(`R-${current}`),
          headers: { 'if-match': form(`"${current}"`) },
        });
        expect(res.status, form(`"${current}"`)).toBe(200);
        expect(res.headers.get('etag')).toBe(`"${current + 1}"`);
      }
    });

    it('is 404, not 412, for a message the caller cannot see', async () => {
      const w = world();
      const id = await drive(w, toCoordination);
      await expectProblem(
        await w.call('POST', `/messages/${id}/events`, {
          as: 'coordinatorUly',
          body: update('A'),
          headers: { 'if-match': '"9"' },
        }),
        'not-found',
        404,
      );
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first success, and refuses the key for a different event (422)', async () => {
      const w = world();
      const id = await drive(w, toCoordination);
      const headers = { 'idempotency-key': '"k-1"' };
      const body = { type: 'executor.assign', executorId: users.executorRoads.id };
      const first = await w.call('POST', `/messages/${id}/events`, {
        as: 'coordinatorRoads',
        body,
        headers,
      });
      w.clock.advance(3);
      const again = await w.call('POST', `/messages/${id}/events`, {
        as: 'coordinatorRoads',
        body,
        headers,
      });
      expect(first.status).toBe(200);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(await again.json()).toEqual(await first.json());
      expect((await w.store.history(id)).length).toBe(3);
      await expectProblem(
        await w.call('POST', `/messages/${id}/events`, {
          as: 'coordinatorRoads',
          body: { ...body, executorId: users.executorRoads2.id },
          headers,
        }),
        'idempotency-conflict',
        422,
      );
    });

    it('replays even after the event took the message out of the caller’s sight', async () => {
      const w = world();
      const id = await drive(w, toCoordination);
      const headers = { 'idempotency-key': 'forward-1' };
      const body = { type: 'coordination.forward', orgId: 'uly-roads' };
      const first = await w.call('POST', `/messages/${id}/events`, {
        as: 'coordinatorRoads',
        body,
        headers,
      });
      expect(first.status).toBe(200);
      await expectProblem(
        await w.call('GET', `/messages/${id}`, { as: 'coordinatorRoads' }),
        'not-found',
      );
      const retry = await w.call('POST', `/messages/${id}/events`, {
        as: 'coordinatorRoads',
        body,
        headers,
      });
      expect(retry.status).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      // Without the key, or with another, the message stays hidden.
      await expectProblem(
        await w.call('POST', `/messages/${id}/events`, { as: 'coordinatorRoads', body }),
        'not-found',
      );
    });

    it('refuses a malformed key', async () => {
      const w = world();
      const id = await drive(w, toCoordination);
      const problem = await expectProblem(
        await w.call('POST', `/messages/${id}/events`, {
          as: 'coordinatorRoads',
          body: update('x'),
          headers: { 'idempotency-key': 'x'.repeat(300) },
        }),
        'validation',
        422,
      );
      expect(problem.errors).toEqual([
        expect.objectContaining({ in: 'header', path: ['Idempotency-Key'] }),
      ]);
    });
  });
});
