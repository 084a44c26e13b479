/**
 * The mounting recipes of docs/mounting.md, running: Node's own server, Express, Fastify,
 * and the shape of a Next.js route handler. Servers listen on 127.0.0.1, on a free port.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStore } from '@reshaem/core';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp, serve, toNodeListener } from '../src/index.js';
import { authenticate, directory, potholeBody } from './support.js';

const newApp = (basePath?: string) =>
  createHttpApp({
    store: createMemoryStore({ directory }),
    authenticate,
    ...(basePath ? { basePath } : {}),
  });

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

/** Submits, reads back and fetches the OpenAPI document through a base URL. */
async function exercise(base: string) {
  const created = await fetch(`${base}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer applicant', 'content-type': 'application/json' },
    body: JSON.stringify(potholeBody()),
  });
  expect(created.status).toBe(201);
  const location = created.headers.get('location') ?? '';
  const view = (await created.json()) as { id: string };
  const url = new URL(location, `${base}/messages`);
  const read = await fetch(url, { headers: { authorization: 'Bearer applicant' } });
  expect(read.status).toBe(200);
  expect(((await read.json()) as { id: string }).id).toBe(view.id);
  const accepted = await fetch(`${base}/messages/${view.id}/events`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer moderator',
      'content-type': 'application/json',
      'if-match': '"1"',
    },
    body: JSON.stringify({ type: 'moderation.accept' }),
  });
  expect(accepted.status).toBe(200);
  const tooBig = await fetch(`${base}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer applicant', 'content-type': 'application/json' },
    body: JSON.stringify(potholeBody({ text: 'я'.repeat(300_000) })),
  });
  expect(tooBig.status).toBe(413);
  const csv = await fetch(`${base}/messages/export.csv`, {
    headers: { authorization: 'Bearer moderator' },
  });
  expect(csv.status).toBe(200);
  expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(2);
  const doc = await fetch(`${base}/openapi.json`);
  expect(doc.status).toBe(200);
  const missing = await fetch(`${base}/messages/nope`, {
    headers: { authorization: 'Bearer applicant' },
  });
  expect(missing.headers.get('content-type')).toBe('application/problem+json');
}

const listening = (server: Server) =>
  new Promise<number>((resolve) => {
    if (server.listening) resolve((server.address() as AddressInfo).port);
    else server.once('listening', () => resolve((server.address() as AddressInfo).port));
  });

describe('mounting', () => {
  it('Node: serve(app, { port })', async () => {
    const server = serve(newApp(), { port: 0, hostname: '127.0.0.1' }) as Server;
    closers.push(() => new Promise((r) => server.close(r)));
    await exercise(`http://127.0.0.1:${await listening(server)}`);
  });

  it('Express: app.use("/api", toNodeListener(app))', async () => {
    const server = express();
    server.get('/health', (_req, res) => {
      res.send('ok');
    });
    server.use('/api', toNodeListener(newApp()));
    const http = server.listen(0, '127.0.0.1');
    closers.push(() => new Promise((r) => http.close(r)));
    const port = await listening(http);
    await exercise(`http://127.0.0.1:${port}/api`);
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).text()).toBe('ok');
  });

  it('Fastify: a plugin that hands /api/* to the app, body unread', async () => {
    const fastify = Fastify();
    const listener = toNodeListener(newApp('/api'));
    await fastify.register(async (api) => {
      // Leave the body stream to the app: no Fastify parsing inside this plugin.
      api.removeAllContentTypeParsers();
      api.addContentTypeParser('*', (_request, _payload, done) => done(null));
      api.all('/api/*', async (request, reply) => {
        reply.hijack();
        await listener(request.raw, reply.raw);
      });
    });
    fastify.get('/health', async () => 'ok');
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => fastify.close());
    const port = (fastify.server.address() as AddressInfo).port;
    await exercise(`http://127.0.0.1:${port}/api`);
    expect(await (await fetch(`http://127.0.0.1:${port}/health`)).text()).toBe('ok');
  });

  it('wrapped in a Hono app with middleware (CORS)', async () => {
    const root = new Hono();
    root.use(cors({ origin: 'https://portal.example' }));
    root.route('/', newApp());
    const preflight = await root.request('/messages', {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    const res = await root.request('/messages/nope', {
      headers: { origin: 'https://portal.example', authorization: 'Bearer applicant' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://portal.example');
    // A success with headers of its own (Location, ETag) keeps the middleware's too.
    const created = await root.request('/messages', {
      method: 'POST',
      headers: {
        origin: 'https://portal.example',
        authorization: 'Bearer applicant',
        'content-type': 'application/json',
      },
      body: JSON.stringify(potholeBody()),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBe('application/json');
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toMatch(/^messages\//);
    expect(created.headers.get('access-control-allow-origin')).toBe('https://portal.example');
  });

  it('Next.js: route handlers of app/api/[...path]/route.ts', async () => {
    // app/api/[...path]/route.ts
    const app = newApp('/api');
    const handler = (request: Request) => app.fetch(request);
    const route = { GET: handler, POST: handler, HEAD: handler };

    const created = await route.POST(
      new Request('https://portal.example/api/messages', {
        method: 'POST',
        headers: { authorization: 'Bearer applicant', 'content-type': 'application/json' },
        body: JSON.stringify(potholeBody()),
      }),
    );
    expect(created.status).toBe(201);
    const location = new URL(
      created.headers.get('location') ?? '',
      'https://portal.example/api/messages',
    );
    expect(location.pathname).toMatch(/^\/api\/messages\/[0-9a-f-]{36}$/);
    const read = await route.GET(
      new Request(location, { headers: { authorization: 'Bearer applicant' } }),
    );
    expect(read.status).toBe(200);
    const doc = (await (
      await route.GET(new Request('https://portal.example/api/openapi.json'))
    ).json()) as {
      servers: { url: string }[];
    };
    expect(doc.servers).toEqual([{ url: '/api' }]);
    expect((await route.GET(new Request('https://portal.example/api/nope'))).status).toBe(404);
  });
});
