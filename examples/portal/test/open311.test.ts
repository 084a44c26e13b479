/**
 * Open311 GeoReport v2 in the portal: an integration partner submits with its `api_key`
 * over `/open311/v2`, the message reaches the moderator's list, and a public one is read
 * back by anyone in `GET requests.json` — without the applicant.
 */

import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoUsers } from '@reshaem/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import {
  DEMO_PARTNER_NAME,
  demoPartnerKey,
  open311Partners,
} from '../src/open311/open311-partners.js';
import { page, rowsOf, signIn, startTestPortal, type TestPortal } from './support.js';

const BASE = '/open311/v2';
const DEMO_KEY = demoPartnerKey('test-secret');
const applicant = { first_name: 'Алевтина', last_name: 'Громова', email: 'gromova@example.ru' };

/** A partner's form, as the specification posts it. */
function requestForm(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      service_code: 'potholes',
      jurisdiction_id: '41',
      lat: '53.0245',
      long: '158.6433',
      address_string: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
      description: 'Яма на дороге у остановки',
      ...applicant,
      ...fields,
    }).toString(),
  };
}

async function submit(portal: TestPortal, fields: Record<string, string>) {
  const response = await portal.app.request(`${BASE}/requests.json`, requestForm(fields));
  const body = (await response.json()) as unknown;
  return { status: response.status, body };
}

const idOf = (body: unknown) => {
  const [first] = body as [{ service_request_id: string }];
  return first.service_request_id;
};

describe('Open311 in the portal', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal();
  }, 120_000);
  afterAll(() => portal.close());

  it('serves discovery and the services at /open311/v2, no sign-in needed', async () => {
    const discovery = await portal.app.request(`${BASE}/discovery.json`);
    expect(discovery.status).toBe(200);
    const body = (await discovery.json()) as { endpoints: { formats: string[] }[] };
    expect(body.endpoints[0]?.formats).toEqual(['text/xml', 'application/json']);
    const services = await portal.app.request(`${BASE}/services.xml`);
    expect(services.status).toBe(200);
    expect(await services.text()).toContain('<service_code>potholes</service_code>');
  });

  it('a partner submits a public request: the moderator sees it, and so does everyone', async () => {
    const created = await submit(portal, { api_key: DEMO_KEY, 'attribute[is_public]': 'true' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = idOf(created.body);
    const stored = await portal.store.get(id);
    expect(stored?.snapshot.context).toMatchObject({
      channel: 'integration',
      integration: DEMO_PARTNER_NAME,
      isPublic: true,
      location: { lat: 53.0245, lon: 158.6433 },
    });

    const moderator = await signIn(portal, demoUsers.moderator.id);
    expect(rowsOf(await page(portal, moderator, '/backoffice'))).toContain(id);

    const list = await portal.app.request(`${BASE}/requests.json`);
    expect(list.status).toBe(200);
    const text = await list.text();
    const requests = JSON.parse(text) as { service_request_id: string; lat: number }[];
    expect(requests.find((r) => r.service_request_id === id)).toMatchObject({
      status: 'open',
      service_code: 'potholes',
      lat: 53.0245,
      long: 158.6433,
    });
    for (const secret of Object.values(applicant)) expect(text).not.toContain(secret);
  });

  it('a request not marked public reaches the moderator but no public read', async () => {
    const created = await submit(portal, { api_key: DEMO_KEY });
    expect(created.status).toBe(201);
    const id = idOf(created.body);
    const moderator = await signIn(portal, demoUsers.moderator.id);
    expect(rowsOf(await page(portal, moderator, '/backoffice'))).toContain(id);
    const list = await portal.app.request(`${BASE}/requests.json`);
    expect(await list.text()).not.toContain(id);
    expect((await portal.app.request(`${BASE}/requests/${id}.json`)).status).toBe(404);
  });

  it('refuses a missing or unknown api_key with the specification’s error array', async () => {
    const forms: Record<string, string>[] = [
      {},
      { api_key: 'demo-311-guess' },
      { api_key: `${DEMO_KEY}x` },
    ];
    for (const fields of forms) {
      const refused = await submit(portal, fields);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual([{ code: 403, description: expect.any(String) }]);
    }
  });
});

const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 7, 7, 7,
]);

/** The applicant's form with a photo, posted as a browser does. */
function formWithPhoto(fields: Record<string, string>, cookie: string): RequestInit {
  const form = new FormData();
  const all = { orgId: 'kam-roads', subcategoryId: 'potholes', factId: 'pothole-yard', ...fields };
  for (const [k, v] of Object.entries(all)) form.append(k, v);
  form.append('file', new Blob([JPEG]), 'яма.jpg');
  return { method: 'POST', headers: { origin: 'http://localhost', cookie }, body: form };
}

describe('media_url of a photo the applicant allowed, through the portal', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal();
  }, 120_000);
  afterAll(() => portal.close());

  const submitted = async (fields: Record<string, string>) => {
    const applicant = await signIn(portal, 'app-ivanov');
    const response = await portal.app.request('/my/messages', formWithPhoto(fields, applicant));
    expect(response.status).toBe(303);
    const path = (response.headers.get('location') ?? '').split('?')[0] ?? '';
    return decodeURIComponent(path.slice('/messages/'.length));
  };
  const mediaUrlOf = async (id: string) => {
    const response = await portal.app.request(`${BASE}/requests/${id}.json`);
    expect(response.status).toBe(200);
    const [request] = (await response.json()) as { media_url: string | null }[];
    return request?.media_url;
  };

  it('a public message whose photos the applicant allowed: anyone fetches the photo', async () => {
    const id = await submitted({ text: 'Яма у подъезда', isPublic: 'on', photosPublic: 'on' });
    const url = await mediaUrlOf(id);
    expect(url).toMatch(new RegExp(`^http://localhost${BASE}/media/${id}/[^/]+$`));
    const photo = await portal.app.request(new URL(url ?? '').pathname);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(photo.headers.get('cache-control')).toBe('public, max-age=3600');
    // The adapter's headers, not the pages': other sites' clients may show the photo.
    expect(photo.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(photo.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(JPEG);
  });

  it('a public message whose photos were not allowed has no media_url, and its photo 404s', async () => {
    const id = await submitted({ text: 'Яма во дворе', isPublic: 'on' });
    expect(await mediaUrlOf(id)).toBeNull();
    const stored = await portal.store.get(id);
    const [photo] = stored?.snapshot.context.attachments ?? [];
    expect(photo?.fileId).toEqual(expect.any(String));
    expect((await portal.app.request(`${BASE}/media/${id}/${photo?.fileId}`)).status).toBe(404);
  });
});

describe('Open311 partners from the configuration', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reshaem-open311-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a partner listed in RESHAEM_OPEN311_PARTNERS submits with its key, not with its hash', async () => {
    const key = 'dnevnik-0c9e4a1f5b7d';
    const file = join(dir, 'partners.json');
    const keySha256 = createHash('sha256').update(key).digest('hex');
    await writeFile(file, JSON.stringify([{ id: 'dnevnik', name: 'Дневник ЕПГУ', keySha256 }]));
    const config = readConfig(['--memory', '--no-demo'], { RESHAEM_OPEN311_PARTNERS: file });
    expect(config.open311.partners).toEqual([{ id: 'dnevnik', name: 'Дневник ЕПГУ', keySha256 }]);
    const configured = await startTestPortal({ open311: config.open311 });
    try {
      const created = await submit(configured, { api_key: key });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const stored = await configured.store.get(idOf(created.body));
      expect(stored?.snapshot.context.integration).toBe('Дневник ЕПГУ');
      expect((await submit(configured, { api_key: keySha256 })).status).toBe(403);
    } finally {
      await configured.close();
    }
  }, 120_000);

  it('refuses a partners file that cannot be used, saying what is wrong', async () => {
    const write = async (name: string, text: string) => {
      const file = join(dir, name);
      await writeFile(file, text);
      return () => readConfig([], { RESHAEM_OPEN311_PARTNERS: file });
    };
    expect(await write('a.json', '{')).toThrow(/is not JSON/);
    expect(await write('b.json', '{}')).toThrow(/not an array/);
    expect(await write('c.json', '[{"id":"x","name":"X","key":"plain"}]')).toThrow(
      /keySha256 must be 64 hex digits/,
    );
    const hash = 'a'.repeat(64);
    expect(
      await write(
        'd.json',
        JSON.stringify([
          { id: 'x', name: 'X', keySha256: hash },
          { id: 'y', name: 'Y', keySha256: hash },
        ]),
      ),
    ).toThrow(/listed twice/);
    expect(() => readConfig([], { RESHAEM_OPEN311_PARTNERS: join(dir, 'none.json') })).toThrow(
      /cannot read/,
    );
    expect(readConfig([], { RESHAEM_OPEN311: '0' }).open311.enabled).toBe(false);
  });

  it('knows the demo partner only when given its key (demo mode), and only that key', () => {
    const hash = createHash('sha256').update('k').digest('hex');
    const listed = [{ id: 'p', name: 'P', keySha256: hash }];
    expect(open311Partners(listed)(DEMO_KEY)).toBeNull();
    expect(open311Partners(listed)('k')?.principal).toMatchObject({
      id: 'open311:p',
      roles: [{ role: 'system' }],
    });
    expect(open311Partners(listed, DEMO_KEY)(DEMO_KEY)?.name).toBe(DEMO_PARTNER_NAME);
    expect(demoPartnerKey('another-secret')).not.toBe(DEMO_KEY);
  });

  it('RESHAEM_OPEN311=0 serves no Open311 at all', async () => {
    const off = await startTestPortal({
      open311: readConfig([], { RESHAEM_OPEN311: '0' }).open311,
    });
    try {
      expect((await off.app.request(`${BASE}/discovery.json`)).status).toBe(404);
      const count = async () => (await off.store.list(demoUsers.moderator, {})).items.length;
      const before = await count();
      const post = await off.app.request(
        `${BASE}/requests.json`,
        requestForm({ api_key: DEMO_KEY }),
      );
      expect(post.status).toBe(404);
      expect(await count()).toBe(before);
    } finally {
      await off.close();
    }
  }, 120_000);
});
