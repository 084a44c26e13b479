import { availableEvents, SYSTEM_PRINCIPAL } from '@reshaem/core';
import { demoUsers } from '@reshaem/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buttonsOf,
  demoNumber,
  formPost,
  page,
  signIn,
  startTestPortal,
  type TestPortal,
} from './support.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

describe('the message card', () => {
  it('shows only the buttons availableEvents allows', async () => {
    const stored = await portal.store.get('demo-104'); // coordination at kam-roads
    if (!stored) throw new Error('no demo-104');
    const expected = (id: keyof typeof demoUsers) =>
      availableEvents(stored.snapshot, demoUsers[id], portal.store.directory).filter(
        (t) => !t.startsWith('deadline.due') && t !== 'deadline.overdue',
      );
    const coordinator = await page(
      portal,
      await signIn(portal, 'coord-kam-roads'),
      '/messages/demo-104',
    );
    expect(buttonsOf(coordinator).sort()).toEqual(expected('coordinatorRoads').sort());
    expect(buttonsOf(coordinator)).toEqual(
      expect.arrayContaining([
        'executor.assign',
        'coordination.forward',
        'coordination.return',
        'work.take',
      ]),
    );
    const applicant = await page(portal, await signIn(portal, 'app-ivanov'), '/messages/demo-104');
    expect(buttonsOf(applicant)).toEqual([]);
    expect(applicant).toContain('На координации');
    expect(applicant).toMatch(/\d+ д(ень|ня|ней) \d+ час/);
  });

  it('offers only the executors and organisations the core accepts', async () => {
    const html = await page(portal, await signIn(portal, 'coord-kam-roads'), '/messages/demo-104');
    const assign = html.slice(html.indexOf('data-event="executor.assign"'));
    expect(assign).toContain('value="exec-kam-roads"');
    expect(assign.slice(0, assign.indexOf('</form>'))).not.toContain('value="exec-kam-gov"');
  });

  it('applies a posted event and redirects back to the card', async () => {
    const cookie = await signIn(portal, 'mod-kam');
    const before = await portal.store.get('demo-101');
    const response = await portal.app.request(
      '/messages/demo-101/events/moderation.accept',
      formPost({ version: String(before?.version) }, cookie),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/messages/demo-101?done=moderation.accept');
    const after = await portal.store.get('demo-101');
    expect(after?.status).toBe('coordination');
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    const card = await page(portal, cookie, '/messages/demo-101?done=moderation.accept');
    expect(card).toContain('«Принять» — выполнено. Статус: На координации.');
  });

  it('shows a refusal at the message’s own URL, keeps what was typed and changes nothing', async () => {
    const cookie = await signIn(portal, 'coord-kam-roads');
    const before = await portal.store.get('demo-104');
    const response = await portal.app.request(
      '/messages/demo-104/events/coordination.return',
      formPost({ version: String(before?.version), comment: '' }, cookie),
    );
    // Post/Redirect/Get: the refusal waits for the card's own URL, which reloads.
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/messages\/demo-104\?refusal=[\w-]+$/);
    const html = await page(portal, cookie, location);
    expect(html).toContain('Проверьте заполнение формы');
    expect(html).toContain('Причина');
    // The banner is the first thing in <main>.
    expect(html.slice(html.indexOf('<main>'), html.indexOf('<main>') + 80)).toContain(
      'role="alert"',
    );
    expect(await page(portal, cookie, location)).toContain('Проверьте заполнение формы');
    expect((await portal.store.get('demo-104'))?.version).toBe(before?.version);
    // Nobody else reads the note.
    const other = await page(portal, await signIn(portal, 'coord-kam-gov'), location);
    expect(other).not.toContain('Проверьте заполнение формы');

    const stale = await portal.app.request(
      '/messages/demo-104/events/work.take',
      formPost({ version: String((before?.version ?? 0) - 1) }, cookie),
    );
    expect(stale.status).toBe(303);
    expect(await page(portal, cookie, stale.headers.get('location') ?? '')).toContain(
      'обновите страницу',
    );
    expect((await portal.store.get('demo-104'))?.version).toBe(before?.version);
  });

  it('names the person and the message when the role may not act, in Russian', async () => {
    const cookie = await signIn(portal, 'exec-kam-roads');
    const stored = await portal.store.get('demo-109');
    const response = await portal.app.request(
      '/messages/demo-109/events/answer.approve',
      formPost({ version: String(stored?.version), comment: '' }, cookie),
    );
    expect(response.status).toBe(303);
    const html = await page(portal, cookie, response.headers.get('location') ?? '');
    expect(html).toMatch(
      /Исполнитель [^<]+ \(Министерство транспорта и дорожного строительства Камчатского края\) не может утвердить ответ /,
    );
    expect(html).toContain(`по сообщению № ${stored?.snapshot.context.number}`);
  });

  it('hides a message the user may not see', async () => {
    const cookie = await signIn(portal, 'app-petrova');
    const response = await portal.app.request('/messages/demo-110', { headers: { cookie } });
    expect(response.status).toBe(404);
    const post = await portal.app.request(
      '/messages/demo-110/events/rating.submit',
      formPost({ score: '5' }, cookie),
    );
    expect(post.status).toBe(404);
  });
});

describe('the applicant’s and the operator’s pages', () => {
  it('lets an applicant submit from «Мои сообщения»', async () => {
    const cookie = await signIn(portal, 'app-petrova');
    expect(await page(portal, cookie, '/my')).toContain(await demoNumber(portal, 'demo-101'));
    const response = await portal.app.request(
      '/my/messages',
      formPost(
        {
          orgId: 'kam-roads',
          subcategoryId: 'potholes',
          factId: 'pothole-yard',
          text: 'Яма у подъезда',
        },
        cookie,
      ),
    );
    expect(response.status).toBe(303);
    const card = await page(portal, cookie, response.headers.get('location') ?? '');
    expect(card).toContain('На модерации');
    const refused = await portal.app.request(
      '/my/messages',
      formPost({ orgId: 'kam-edu', subcategoryId: 'potholes', text: 'Яма' }, cookie),
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('не отвечает за эту подкатегорию');
  });

  it('gives the operator the three folders and a form prefilled with the marker', async () => {
    const cookie = await signIn(portal, 'op-uly-112');
    const desk = await page(portal, cookie, '/operator');
    expect(desk).toContain('Центр мониторинга 112: </textarea>');
    expect(desk).toContain(await demoNumber(portal, 'demo-117'));
    expect(await page(portal, cookie, '/operator?folder=answer_ready')).toContain(
      await demoNumber(portal, 'demo-111'),
    );
    expect(await page(portal, cookie, '/operator?folder=answer_delivered')).toContain(
      await demoNumber(portal, 'demo-112'),
    );
    const response = await portal.app.request(
      '/operator/messages',
      formPost(
        {
          applicantName: 'Орлов Пётр',
          applicantPhone: '+7 902 111-22-33',
          orgId: 'uly-gov',
          subcategoryId: 'road-repair',
          text: 'Центр мониторинга 112: провал дороги',
        },
        cookie,
      ),
    );
    expect(response.status).toBe(303);
    const id = decodeURIComponent(
      (response.headers.get('location') ?? '').split('/')[2]?.split('?')[0] ?? '',
    );
    expect((await portal.store.get(id))?.status).toBe('coordination');
    const unmarked = await portal.app.request(
      '/operator/messages',
      formPost(
        {
          applicantName: 'Орлов',
          orgId: 'uly-gov',
          subcategoryId: 'road-repair',
          text: 'провал дороги',
        },
        cookie,
      ),
    );
    expect(unmarked.status).toBe(422);
    expect(await unmarked.text()).toContain('Центр мониторинга 112');
  });

  it('confirms delivery on the card, and the list moves it between folders', async () => {
    const cookie = await signIn(portal, 'op-uly-112');
    const card = await page(portal, cookie, '/messages/demo-111');
    expect(buttonsOf(card)).toEqual(['delivery.confirm']);
    const version = (await portal.store.get('demo-111'))?.version;
    const response = await portal.app.request(
      '/messages/demo-111/events/delivery.confirm',
      formPost({ version: String(version), channel: 'phone', note: 'Дозвонились' }, cookie),
    );
    expect(response.status).toBe(303);
    expect((await portal.store.get('demo-111'))?.status).toBe('answer_delivered');
    expect(await page(portal, cookie, '/operator?folder=answer_delivered')).toContain(
      await demoNumber(portal, 'demo-111'),
    );
  });

  it('keeps every role to its own pages', async () => {
    const cookie = await signIn(portal, 'coord-kam-roads');
    expect((await portal.app.request('/my', { headers: { cookie } })).status).toBe(403);
    expect((await portal.app.request('/operator', { headers: { cookie } })).status).toBe(403);
    expect(
      (await portal.store.list(SYSTEM_PRINCIPAL, { limit: 200 })).items.length,
    ).toBeGreaterThan(17);
  });
});

describe('every card for every user', () => {
  it('renders, or is hidden, and shows exactly the buttons the core allows', async () => {
    const { items } = await portal.store.list(SYSTEM_PRINCIPAL, { limit: 200 });
    let shown = 0;
    for (const user of Object.values(demoUsers)) {
      const cookie = await signIn(portal, user.id);
      for (const stored of items) {
        const response = await portal.app.request(`/messages/${stored.id}`, {
          headers: { cookie },
        });
        expect([200, 404], `${user.id} on ${stored.id}`).toContain(response.status);
        if (response.status !== 200) continue;
        shown += 1;
        const allowed = availableEvents(stored.snapshot, user, portal.store.directory);
        expect(buttonsOf(await response.text()).sort(), `${user.id} on ${stored.id}`).toEqual(
          [...allowed].sort(),
        );
      }
    }
    expect(shown).toBeGreaterThan(60);
  });
});
