import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { potholeBody, world } from './support.js';

/** The headers a browser acts on, by name. */
const securityOf = (res: Response) => ({
  csp: res.headers.get('content-security-policy'),
  nosniff: res.headers.get('x-content-type-options'),
  frame: res.headers.get('x-frame-options'),
  referrer: res.headers.get('referrer-policy'),
});

const API_DEFAULTS = {
  csp: "default-src 'none'; frame-ancestors 'none'",
  nosniff: 'nosniff',
  frame: 'DENY',
  referrer: 'no-referrer',
};

describe('security headers of the API', () => {
  it('come with every kind of response: data, a created message, problems, 404 and 405', async () => {
    const w = world();
    const responses = {
      list: await w.call('GET', '/messages', { as: 'coordinatorGov' }),
      created: await w.call('POST', '/messages', { as: 'applicant', body: potholeBody() }),
      unauthenticated: await w.call('GET', '/messages', { as: null }),
      validation: await w.call('GET', '/messages?limit=nonsense', { as: 'coordinatorGov' }),
      unknownRoute: await w.call('GET', '/nowhere', { as: 'coordinatorGov' }),
      wrongMethod: await w.call('DELETE', '/messages', { as: 'coordinatorGov' }),
      openapi: await w.call('GET', '/openapi.json'),
    };
    expect(responses.list.status).toBe(200);
    expect(responses.created.status).toBe(201);
    expect(responses.unauthenticated.status).toBe(401);
    expect(responses.validation.status).toBe(422);
    expect(responses.unknownRoute.status).toBe(404);
    expect(responses.wrongMethod.status).toBe(405);
    for (const [name, res] of Object.entries(responses)) {
      expect(securityOf(res), name).toEqual(API_DEFAULTS);
    }
    expect(responses.unauthenticated.headers.get('content-type')).toBe('application/problem+json');
    expect(responses.created.headers.get('location')).toMatch(/^messages\//);
  });

  it('keep the reference page’s own policy, which allows only its stylesheet by hash', async () => {
    const res = await world().call('GET', '/docs');
    const csp = res.headers.get('content-security-policy') ?? '';
    const html = await res.text();
    const inline = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).not.toMatch(/\sstyle=/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('can be changed by name, dropped one by one, or turned off', async () => {
    const changed = await world({
      securityHeaders: { 'Referrer-Policy': 'same-origin', 'x-frame-options': false },
    }).call('GET', '/messages', { as: 'coordinatorGov' });
    expect(securityOf(changed)).toEqual({ ...API_DEFAULTS, referrer: 'same-origin', frame: null });
    const off = await world({ securityHeaders: false }).call('GET', '/messages', {
      as: 'coordinatorGov',
    });
    expect(securityOf(off)).toEqual({ csp: null, nosniff: null, frame: null, referrer: null });
  });
});
