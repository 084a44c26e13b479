/**
 * The organisation admin's pages over HTTP: who may see and change an organisation's
 * settings, the API's validation said in Russian with the typed input kept, and
 * POST-redirect-GET for every change.
 */
import { demoUsers } from '@reshaem/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formPost, page, signIn, startTestPortal, type TestPortal } from './support.js';

let portal: TestPortal;
let admin: string;
beforeAll(async () => {
  portal = await startTestPortal();
  admin = await signIn(portal, demoUsers.adminRoads.id);
});
afterAll(() => portal?.close());

/** A form post with repeated fields (multi-selects, check boxes). */
function post(fields: [string, string][], cookie: string) {
  const body = new URLSearchParams(fields).toString();
  return {
    method: 'POST',
    headers: {
      origin: 'http://localhost',
      'content-type': 'application/x-www-form-urlencoded',
      cookie,
    },
    body,
  };
}

const refusalFirst = (html: string) => {
  const at = html.indexOf('data-refusal');
  return at > 0 && at < html.indexOf('<h1');
};

describe('who may open and change the settings', () => {
  it('only an admin of the organisation: 403 for others, 404 for no organisation', async () => {
    const coordinator = await signIn(portal, demoUsers.coordinatorRoads.id);
    for (const path of [
      '/admin/kam-roads/users',
      '/admin/kam-roads/autorules',
      '/admin/kam-roads/notifications/new',
      '/admin/kam-roads/answer-templates',
    ]) {
      const response = await portal.app.request(path, { headers: { cookie: coordinator } });
      expect(response.status, path).toBe(403);
    }
    expect((await portal.app.request('/admin', { headers: { cookie: coordinator } })).status).toBe(
      403,
    );
    const elsewhere = await portal.app.request('/admin/kam-gov/answer-templates', {
      headers: { cookie: admin },
    });
    expect(elsewhere.status).toBe(403);
    const none = await portal.app.request('/admin/no-such-org/users', {
      headers: { cookie: admin },
    });
    expect(none.status).toBe(404);
    const anonymous = await portal.app.request('/admin/kam-roads/users');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/sign-in');
    const home = await portal.app.request('/admin', { headers: { cookie: admin } });
    expect(home.headers.get('location')).toBe('/admin/kam-roads/users');
  });

  it('a post by someone else changes nothing', async () => {
    const before = await portal.store.loadAnswerTemplates('kam-roads');
    const coordinator = await signIn(portal, demoUsers.coordinatorRoads.id);
    const fields: [string, string][] = [
      ['name', 'Чужой'],
      ['body', 'Текст'],
    ];
    const refused = await portal.app.request(
      '/admin/kam-roads/answer-templates',
      post(fields, coordinator),
    );
    expect(refused.status).toBe(403);
    const foreign = await portal.app.request(
      '/admin/kam-gov/answer-templates',
      post(fields, admin),
    );
    expect(foreign.status).toBe(403);
    const forged = await portal.app.request('/admin/kam-roads/answer-templates', {
      ...post(fields, admin),
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: admin,
      },
    });
    expect(forged.status).toBe(403);
    expect(await portal.store.loadAnswerTemplates('kam-roads')).toEqual(before);
    expect(await portal.store.loadAnswerTemplates('kam-gov')).toEqual([]);
  });

  it('the nav shows «Администрирование» to admins only', async () => {
    expect(await page(portal, admin, '/admin/kam-roads/users')).toContain('href="/admin"');
    const executor = await signIn(portal, demoUsers.executorRoads.id);
    expect(await page(portal, executor, '/backoffice')).not.toContain('href="/admin"');
  });
});

describe('users and roles', () => {
  it('lists the organisation’s people with their roles there', async () => {
    const html = await page(portal, admin, '/admin/kam-roads/users');
    for (const user of [demoUsers.executorRoads, demoUsers.headRoads, demoUsers.adminRoads]) {
      expect(html).toContain(`data-user="${user.id}"`);
    }
    expect(html).not.toContain(`data-user="${demoUsers.headGov.id}"`);
  });
});

describe('answer templates', () => {
  it('creates, edits and deletes, each answered by a redirect', async () => {
    const created = await portal.app.request(
      '/admin/kam-roads/answer-templates',
      post(
        [
          ['id', ''],
          ['name', 'Благодарность'],
          ['answerType', 'resolved'],
          ['body', 'Спасибо, {{ФИО Заявителя}}! Сообщение № {{Номер сообщения}}.'],
        ],
        admin,
      ),
    );
    expect(created.status).toBe(303);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(/^\/admin\/kam-roads\/answer-templates\?saved=template-/);
    const id = decodeURIComponent(location.split('saved=')[1] ?? '');
    expect(await page(portal, admin, location)).toContain('Сохранено: «Благодарность»');
    const saved = (await portal.store.loadAnswerTemplates('kam-roads')).find((t) => t.id === id);
    expect(saved?.body).toContain('{{ФИО Заявителя}}');

    const edited = await portal.app.request(
      '/admin/kam-roads/answer-templates',
      post(
        [
          ['id', id],
          ['name', 'Благодарность заявителю'],
          ['answerType', ''],
          ['body', 'Спасибо!'],
        ],
        admin,
      ),
    );
    expect(edited.status).toBe(303);
    const after = (await portal.store.loadAnswerTemplates('kam-roads')).find((t) => t.id === id);
    expect(after).toEqual({
      id,
      orgId: 'kam-roads',
      name: 'Благодарность заявителю',
      body: 'Спасибо!',
    });
    expect(await page(portal, admin, `/admin/kam-roads/answer-templates/${id}`)).toContain(
      'value="Благодарность заявителю"',
    );

    const deleted = await portal.app.request(
      `/admin/kam-roads/answer-templates/${id}/delete`,
      post([], admin),
    );
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/admin/kam-roads/answer-templates?deleted');
    expect(await page(portal, admin, '/admin/kam-roads/answer-templates?deleted')).toContain(
      'Удалено.',
    );
    expect((await portal.store.loadAnswerTemplates('kam-roads')).some((t) => t.id === id)).toBe(
      false,
    );
  });

  it('a template the API refuses comes back typed, with the reasons in Russian on top', async () => {
    const before = await portal.store.loadAnswerTemplates('kam-roads');
    const refused = await portal.app.request(
      '/admin/kam-roads/answer-templates',
      post(
        [
          ['id', ''],
          ['name', 'Опечатка'],
          ['body', 'Здравствуйте, {{ФИО заявитля}}'],
        ],
        admin,
      ),
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(refusalFirst(html)).toBe(true);
    expect(html).toContain('Не сохранено: исправьте поля');
    expect(html).toContain('Текст: строка 1, позиция 15: неизвестная подстановка «ФИО заявитля»');
    expect(html).toContain('value="Опечатка"');
    expect(html).toContain('Здравствуйте, {{ФИО заявитля}}</textarea>');
    expect(await portal.store.loadAnswerTemplates('kam-roads')).toEqual(before);
  });
});

describe('autorules', () => {
  const rule = (extra: [string, string][]): [string, string][] => [
    ['id', ''],
    ['name', 'Ямы — Новикову'],
    ['position', '10'],
    ['enabled', 'on'],
    ['categoryIds', 'roads'],
    ['wordsMode', 'any'],
    ['actionKind', 'assign'],
    ['executionDayUnit', 'calendar'],
    ...extra,
  ];

  it('refuses an executor of another organisation, naming people and organisations', async () => {
    const refused = await portal.app.request(
      '/admin/kam-roads/autorules',
      post(rule([['executorId', demoUsers.executorGov.id]]), admin),
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(refusalFirst(html)).toBe(true);
    expect(html).toContain(
      `Исполнитель: ${demoUsers.executorGov.name} — не исполнитель организации «Министерство транспорта и дорожного строительства Камчатского края»`,
    );
    expect(html).toMatch(/<option value="roads" selected="">/);
    expect(await portal.store.loadAutorules('kam-roads')).toEqual([]);
  });

  it('the dry run says which recent messages the draft would route, and saves nothing', async () => {
    // A fresh pothole message waiting in coordination at the road ministry.
    const applicant = await signIn(portal, 'app-ivanov');
    const submitted = await portal.app.request(
      '/my/messages',
      formPost(
        { orgId: 'kam-roads', subcategoryId: 'potholes', factId: 'pothole-yard', text: 'Яма' },
        applicant,
      ),
    );
    const id = decodeURIComponent(
      (submitted.headers.get('location') ?? '').split('?')[0]?.slice('/messages/'.length) ?? '',
    );
    const accepted = await portal.store.send(id, {
      type: 'moderation.accept',
      at: new Date().toISOString(),
      by: demoUsers.moderator,
    });
    expect(accepted.ok).toBe(true);

    const run = await portal.app.request(
      '/admin/kam-roads/autorules',
      post(
        rule([
          ['executorId', demoUsers.executorRoads.id],
          ['intent', 'dry-run'],
        ]),
        admin,
      ),
    );
    expect(run.status).toBe(200);
    const html = await run.text();
    expect(html).toContain('data-dry-run');
    const row = new RegExp(`data-trial="${id}" data-routes="yes">(.*?)</tr>`).exec(html)?.[1];
    expect(row).toContain(`назначило бы исполнителя: ${demoUsers.executorRoads.name}`);
    const rows = [...html.matchAll(/data-trial="([^"]+)" data-routes="(yes|no)"/g)];
    expect(rows.length).toBeGreaterThan(1);
    expect(html).toContain('подходит, но сообщение уже распределено');
    expect(html).toContain('value="Ямы — Новикову"'); // the draft stays in the form
    expect(await portal.store.loadAutorules('kam-roads')).toEqual([]);

    const schools = rule([
      ['executorId', demoUsers.executorRoads.id],
      ['intent', 'dry-run'],
    ]).map(([k, v]): [string, string] => [k, k === 'categoryIds' ? 'education' : v]);
    const none = await (
      await portal.app.request('/admin/kam-roads/autorules', post(schools, admin))
    ).text();
    expect(none).toContain('не подходит: категория');
    expect(none).not.toContain('data-routes="yes"');
  });

  it('saves, then disables from the list', async () => {
    const saved = await portal.app.request(
      '/admin/kam-roads/autorules',
      post(
        rule([
          ['executorId', demoUsers.executorRoads.id],
          ['intent', 'save'],
        ]),
        admin,
      ),
    );
    expect(saved.status).toBe(303);
    const [stored] = await portal.store.loadAutorules('kam-roads');
    expect(stored).toMatchObject({
      name: 'Ямы — Новикову',
      enabled: true,
      match: { categoryIds: ['roads'] },
      action: { kind: 'assign', executorId: demoUsers.executorRoads.id },
    });
    const list = await page(portal, admin, '/admin/kam-roads/autorules');
    expect(list).toContain(`data-rule="${stored?.id}"`);
    const off = await portal.app.request(
      `/admin/kam-roads/autorules/${stored?.id}/toggle`,
      post([], admin),
    );
    expect(off.status).toBe(303);
    expect((await portal.store.loadAutorules('kam-roads'))[0]?.enabled).toBe(false);
    await portal.store.saveAutorules('kam-roads', []);
  });
});

describe('notifications', () => {
  it('saves a staff notification; refuses recipients on an applicant notice, in Russian', async () => {
    const fields = (type: string): [string, string][] => [
      ['id', ''],
      ['name', 'Новое сообщение'],
      ['type', type],
      ['emails', 'dispatch@roads.example'],
      ['body', 'Поступило сообщение № {{Номер сообщения}}'],
      ['enabled', 'on'],
    ];
    const refused = await portal.app.request(
      '/admin/kam-roads/notifications',
      post(fields('answer_sent'), admin),
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(refusalFirst(html)).toBe(true);
    expect(html).toContain('Уведомление заявителя уходит заявителю: получатели не указываются');
    expect(html).toContain('dispatch@roads.example</textarea>');
    expect(await portal.store.loadNotifications('kam-roads')).toEqual([]);

    const saved = await portal.app.request(
      '/admin/kam-roads/notifications',
      post(fields('message_received'), admin),
    );
    expect(saved.status).toBe(303);
    const [config] = await portal.store.loadNotifications('kam-roads');
    expect(config).toMatchObject({
      type: 'message_received',
      emails: [{ address: 'dispatch@roads.example' }],
      enabled: true,
    });
    await portal.store.saveNotifications('kam-roads', []);
  });
});
