import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formPost, signIn, startTestPortal, type TestPortal } from './support.js';

let portal: TestPortal;
let cookie = '';
beforeAll(async () => {
  portal = await startTestPortal();
  cookie = await signIn(portal, 'coord-kam-gov');
});
afterAll(() => portal.close());

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | null): Record<string, string> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

/** Checks a page's headers and that its policy allows exactly what the page uses. */
async function expectStrictPage(response: Response) {
  const html = await response.text();
  const csp = directives(response.headers.get('content-security-policy'));
  expect(csp['default-src']).toBe("'none'");
  expect(csp['frame-ancestors']).toBe("'none'");
  expect(csp['form-action']).toBe("'self'");
  expect(csp['base-uri']).toBe("'none'");
  expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
  // Scripts only as files of this site (the maps'), never inline.
  expect(csp['script-src']).toBe("'self'");
  // The page's one inline stylesheet is allowed by its own hash, and nothing else inline.
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
  expect(styles).toHaveLength(1);
  const hash = createHash('sha256')
    .update(styles[0] ?? '')
    .digest('base64');
  // …and the maps' stylesheet, a file of this site.
  expect(csp['style-src']).toBe(`'sha256-${hash}' 'self'`);
  expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
  for (const [, tag, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    expect(tag).toMatch(/^ src="\/assets\/[a-z/.-]+\?v=[0-9a-f]{12}" defer(="")?$/);
    expect(body).toBe('');
  }
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
}

describe('security headers of the portal', () => {
  it('put a strict policy on every page, signed in or not', async () => {
    const pages = [
      await portal.app.request('/sign-in'),
      await portal.app.request('/backoffice', { headers: { cookie } }),
      await portal.app.request('/messages/demo-110', { headers: { cookie } }),
      await portal.app.request('/nowhere', { headers: { cookie } }),
    ];
    expect(pages.map((r) => r.status)).toEqual([200, 200, 200, 404]);
    for (const page of pages) await expectStrictPage(page);
  });

  it('cover the applicant’s and the operator’s forms and a refused form', async () => {
    const applicant = await signIn(portal, 'app-ivanov');
    await expectStrictPage(await portal.app.request('/my', { headers: { cookie: applicant } }));
    const operator = await signIn(portal, 'op-uly-112');
    await expectStrictPage(
      await portal.app.request('/operator', { headers: { cookie: operator } }),
    );
    const refused = await portal.app.request('/my/messages', formPost({}, applicant));
    expect(refused.status).toBe(422);
    await expectStrictPage(refused);
  });

  it('come with redirects, the CSRF refusal and /demo/users too', async () => {
    const redirect = await portal.app.request('/backoffice');
    expect(redirect.status).toBe(303);
    const csrf = await portal.app.request('/sign-in', {
      ...formPost({ userId: 'app-ivanov' }),
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    expect(csrf.status).toBe(403);
    const demo = await portal.app.request('/demo/users');
    for (const response of [redirect, csrf, demo]) {
      expect(directives(response.headers.get('content-security-policy'))['frame-ancestors']).toBe(
        "'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('leave the API its own: nosniff, no framing and no referrer on data and problems', async () => {
    const users = (await (await portal.app.request('/demo/users')).json()) as {
      users: { id: string; token: string }[];
    };
    const token = users.users.find((u) => u.id === 'coord-kam-gov')?.token ?? '';
    const data = await portal.app.request('/api/messages?limit=1', {
      headers: { authorization: `Bearer ${token}` },
    });
    const problem = await portal.app.request('/api/messages');
    expect(data.status).toBe(200);
    expect(problem.status).toBe(401);
    expect(problem.headers.get('content-type')).toBe('application/problem+json');
    for (const response of [data, problem]) {
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const docs = await portal.app.request('/api/docs');
    expect(directives(docs.headers.get('content-security-policy'))['style-src']).toMatch(
      /^'sha256-/,
    );
  });
});
