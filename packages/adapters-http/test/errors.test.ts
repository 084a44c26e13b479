import { describe, expect, it } from 'vitest';
import { drive, expectProblem, potholeBody, storeState, toCoordination, world } from './support.js';

describe('problems', () => {
  it('401 unauthenticated with WWW-Authenticate, on every protected route', async () => {
    const w = world();
    const id = await drive(w, []);
    const routes: [string, string][] = [
      ['POST', '/messages'],
      ['GET', '/messages'],
      ['GET', `/messages/${id}`],
      ['POST', `/messages/${id}/events`],
      ['GET', `/messages/${id}/history`],
      ['GET', '/folders'],
      ['GET', '/messages/export.csv'],
      ['GET', '/messages/export.xlsx'],
    ];
    for (const [method, path] of routes) {
      for (const headers of [
        {},
        { authorization: 'Bearer nobody' },
        { authorization: 'Basic x' },
      ] as Record<string, string>[]) {
        const res = await w.call(method, path, {
          headers,
          body: method === 'POST' ? {} : undefined,
        });
        await expectProblem(res, 'unauthenticated', 401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
      }
    }
  });

  it('400 for broken JSON, 415 for another media type, 422 for a non-object', async () => {
    const w = world();
    const id = await drive(w, toCoordination);
    const before = await storeState(w.store);
    for (const path of ['/messages', `/messages/${id}/events`]) {
      await expectProblem(
        await w.call('POST', path, { as: 'coordinatorRoads', body: '{"type":' }),
        'malformed-json',
        400,
      );
      await expectProblem(
        await w.call('POST', path, {
          as: 'coordinatorRoads',
          body: 'type=work.take',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
        'unsupported-media-type',
        415,
      );
      await expectProblem(
        await w.call('POST', path, { as: 'coordinatorRoads' }),
        'unsupported-media-type',
        415,
      );
      for (const body of ['[]', 'null', '42', '"s"']) {
        await expectProblem(
          await w.call('POST', path, { as: 'coordinatorRoads', body }),
          'validation',
          422,
        );
      }
    }
    // application/merge-patch+json and friends are JSON too.
    const res = await w.call('POST', `/messages/${id}/events`, {
      as: 'coordinatorRoads',
      body: { type: 'registration.update', registrationNumber: 'R-1' },
      headers: { 'content-type': 'application/vnd.reshaem+json; charset=utf-8' },
    });
    expect(res.status).toBe(200);
    expect(await storeState(w.store)).not.toBe(before);
  });

  it('413 for a body over the limit, declared or streamed', async () => {
    const w = world({ limits: { bodyBytes: 1024 } });
    const big = JSON.stringify(potholeBody({ text: 'я'.repeat(2000) }));
    await expectProblem(
      await w.call('POST', '/messages', {
        as: 'applicant',
        body: big,
        headers: { 'content-length': String(Buffer.byteLength(big)) },
      }),
      'payload-too-large',
      413,
    );
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i += 1)
          controller.enqueue(new TextEncoder().encode(big.slice(i * 400, (i + 1) * 400)));
        controller.close();
      },
    });
    const res = await w.app.request('/messages', <RequestInit & { duplex: 'half' }>{
      method: 'POST',
      body: stream,
      headers: { authorization: 'Bearer applicant', 'content-type': 'application/json' },
      duplex: 'half',
    });
    const problem = await expectProblem(res, 'payload-too-large', 413);
    expect(problem.maxBytes).toBe(1024);
    // A Content-Length that understates the body does not let it through either.
    await expectProblem(
      await w.call('POST', '/messages', {
        as: 'applicant',
        body: big,
        headers: { 'content-length': '100' },
      }),
      'payload-too-large',
      413,
    );
    expect(await w.store.get('m-1')).toBeUndefined();
  });

  it('404 for unknown routes and 405 with Allow for a known path with another method', async () => {
    const w = world();
    await expectProblem(await w.call('GET', '/nowhere', { as: 'applicant' }), 'not-found', 404);
    const res = await w.call('DELETE', '/messages', { as: 'applicant' });
    await expectProblem(res, 'method-not-allowed', 405);
    expect(res.headers.get('allow')).toBe('POST, GET, HEAD');
    const events = await w.call('GET', '/messages/x/events', { as: 'applicant' });
    await expectProblem(events, 'method-not-allowed', 405);
    expect(events.headers.get('allow')).toBe('POST');
  });

  it('500 for a store that fails, without details, and tells the portal', async () => {
    const w = world();
    const seen: unknown[] = [];
    const broken = world({
      store: { ...w.store, get: () => Promise.reject(new Error('database down')) },
      onUnexpectedError: (error) => seen.push(error),
    });
    const problem = await expectProblem(
      await broken.call('GET', '/messages/x', { as: 'applicant' }),
      'internal',
      500,
    );
    expect(problem.detail).not.toContain('database');
    expect(seen).toHaveLength(1);
  });

  it('rejects a bad configuration early', () => {
    expect(() => world({ limits: { pageSize: 500 } })).toThrow(RangeError);
    expect(() => world({ limits: { bodyBytes: 0 } })).toThrow(RangeError);
  });
});
