import { demoUsers } from '@reshaem/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, operatorSubmit, potholeSubmit } from '../../../packages/core/test/helpers.js';
import { styles } from '../src/web/styles.js';
import { formPost, memoryPortalApp, rowsOf } from './support.js';

const { coordinatorRoads, coordinatorUlyRoads, executorRoads, moderator } = demoUsers;
const LONG_WORD = 'Ы'.repeat(300);

/**
 * 25 messages in the Kamchatka roads ministry, registered but one (m-07), the newest last;
 * and one phoned in to the Ulyanovsk roads agency.
 */
async function world() {
  const portal = memoryPortalApp();
  const { store } = portal;
  for (let n = 1; n <= 25; n++) {
    const id = `m-${String(n).padStart(2, '0')}`;
    const unregistered = n === 7;
    const submitted = await store.submit(
      potholeSubmit({
        messageId: id,
        number: `41-0000${String(n).padStart(2, '0')}`,
        at: at(n),
        text: n === 5 ? `Длинное слово ${LONG_WORD}` : `Яма номер ${n}`,
        ...(n === 9 ? { applicant: { name: 'Кузнецова Ольга', email: null } } : {}),
        ...(n === 11 ? { subcategoryId: 'road-repair', factId: null } : {}),
      }),
    );
    if (!submitted.ok) throw new Error(submitted.error.message);
    if (!unregistered) {
      const accepted = await store.send(id, {
        type: 'moderation.accept',
        at: at(30 + n),
        by: moderator,
      });
      if (!accepted.ok) throw new Error(accepted.error.message);
    }
  }
  const phoned = await store.submit(
    operatorSubmit({ messageId: 'm-26', number: '73-000026', at: at(26) }),
  );
  if (!phoned.ok) throw new Error(phoned.error.message);
  const cookieOf = async (userId: string) => {
    const response = await portal.app.request('/sign-in', formPost({ userId }));
    return response.headers.get('set-cookie')?.split(';')[0] ?? '';
  };
  const get = async (cookie: string, path: string) => {
    const response = await portal.app.request(path, { headers: { cookie } });
    expect(response.status, path).toBe(200);
    return response.text();
  };
  return { ...portal, cookieOf, get };
}
type World = Awaited<ReturnType<typeof world>>;

const linkOf = (html: string, rel: 'next' | 'prev') =>
  html.match(new RegExp(`<a href="([^"]+)" rel="${rel}"`))?.[1]?.replaceAll('&amp;', '&');
const rangeOf = (html: string) => html.match(/<span data-range="true">([^<]+)<\/span>/)?.[1];
const countOf = (html: string, folder: string) =>
  Number(
    html.match(new RegExp(`data-folder="${folder}"[^>]*>[^<]*<span class="count">(\\d+)`))?.[1],
  );

describe('the backoffice lists', () => {
  let w: World;
  let coordinator: string;
  beforeAll(async () => {
    w = await world();
    coordinator = await w.cookieOf(coordinatorRoads.id);
  });

  it('shows an executor the message assigned to them in «Новые», counted', async () => {
    const executor = await w.cookieOf(executorRoads.id);
    const before = await w.get(executor, '/backoffice');
    expect(countOf(before, 'assigned_new')).toBe(0);
    const assigned = await w.store.send('m-01', {
      type: 'executor.assign',
      at: at(100),
      by: coordinatorRoads,
      executorId: executorRoads.id,
    });
    expect(assigned.ok).toBe(true);
    const after = await w.get(executor, '/backoffice');
    expect(countOf(after, 'assigned_new')).toBe(1);
    expect(countOf(after, 'assigned_in_work')).toBe(0);
    expect(after).toContain('Мои сообщения:');
    // The coordinator's folders are the status folders, not the executor's queues.
    expect(after).not.toContain('data-folder="returned_to_coordination"');
    expect(rowsOf(await w.get(executor, '/backoffice?queue=assigned_new'))).toEqual(['m-01']);
    const coordinatorPage = await w.get(coordinator, '/backoffice?limit=50');
    expect(coordinatorPage).toContain('data-folder="returned_to_coordination"');
    expect(coordinatorPage).not.toContain('data-folder="assigned_new"');
    expect(coordinatorPage).toContain(`data-executor="${executorRoads.id}"`);
  });

  it('pages forward and back, showing where it is and the total', async () => {
    const first = await w.get(coordinator, '/backoffice?limit=10');
    expect(rangeOf(first)).toBe('Показаны 1–10 из 25');
    expect(linkOf(first, 'prev')).toBeUndefined();
    const second = await w.get(coordinator, linkOf(first, 'next') ?? '');
    expect(rangeOf(second)).toBe('Показаны 11–20 из 25');
    const third = await w.get(coordinator, linkOf(second, 'next') ?? '');
    expect(rangeOf(third)).toBe('Показаны 21–25 из 25');
    expect(linkOf(third, 'next')).toBeUndefined();
    const backToSecond = await w.get(coordinator, linkOf(third, 'prev') ?? '');
    expect(rangeOf(backToSecond)).toBe('Показаны 11–20 из 25');
    expect(rowsOf(backToSecond)).toEqual(rowsOf(second));
    const backToFirst = await w.get(coordinator, linkOf(backToSecond, 'prev') ?? '');
    expect(rowsOf(backToFirst)).toEqual(rowsOf(first));
    expect(rangeOf(backToFirst)).toBe('Показаны 1–10 из 25');
    expect(linkOf(backToFirst, 'prev')).toBeUndefined();
    expect(rowsOf(await w.get(coordinator, linkOf(backToFirst, 'next') ?? ''))).toEqual(
      rowsOf(second),
    );
  });

  it('sorts by a date when its column head is clicked, both ways, marking the head', async () => {
    const html = await w.get(coordinator, '/backoffice?limit=50');
    expect(html).toMatch(/<th aria-sort="descending" data-sort="createdAt">/);
    for (const field of ['registeredAt', 'updatedAt', 'responseDueAt']) {
      expect(html).toContain(`data-sort="${field}"`);
    }
    const byHead = (page: string, field: string) =>
      page
        .match(new RegExp(`data-sort="${field}"><a href="([^"]+)"`))?.[1]
        ?.replaceAll('&amp;', '&') ?? '';
    const ascending = await w.get(coordinator, byHead(html, 'createdAt'));
    expect(ascending).toMatch(/<th aria-sort="ascending" data-sort="createdAt">/);
    expect(rowsOf(ascending)).toEqual([...rowsOf(html)].reverse());
    const byDeadline = await w.get(coordinator, byHead(html, 'responseDueAt'));
    expect(byDeadline).toMatch(/<th aria-sort="descending" data-sort="responseDueAt">/);
    expect(byHead(byDeadline, 'responseDueAt')).toContain('direction=asc');
    // The message still in moderation has no deadline: last when the latest deadlines lead.
    expect(rowsOf(byDeadline).at(-1)).toBe('m-07');
  });

  it('applies every filter of the form, keeps them in the URL and offers «Сбросить»', async () => {
    const rows = async (query: string) => rowsOf(await w.get(coordinator, `/backoffice?${query}`));
    expect(await rows('source=phone_112')).toEqual([]);
    const uly = await w.cookieOf(coordinatorUlyRoads.id);
    expect(rowsOf(await w.get(uly, '/backoffice?source=phone_112'))).toEqual(['m-26']);
    expect(rowsOf(await w.get(uly, '/backoffice?source=epgu'))).toEqual([]);
    expect(await rows(`text=${encodeURIComponent('кузнецова')}`)).toEqual(['m-09']);
    expect(await rows('categories=education')).toEqual([]);
    expect(await rows('categories=education&categories=roads&limit=50')).toHaveLength(25);
    expect(await rows('facts=pothole-yard')).toEqual([]);
    const facts = await rows('facts=pothole-yard&facts=pothole-street&limit=50');
    expect(facts).toHaveLength(24);
    expect(facts).not.toContain('m-11');
    expect(await rows(`executor=${executorRoads.id}`)).toEqual(['m-01']);
    expect(await rows('org=kam-roads&limit=50')).toHaveLength(25);
    expect(await rows('appeal59fz=yes')).toEqual([]);
    expect(await rows('delegated=yes')).toEqual([]);
    expect(await rows('createdFrom=2025-01-15&createdTo=2025-01-15&limit=50')).toHaveLength(25);
    expect(await rows('createdFrom=2025-01-16')).toEqual([]);
    expect(await rows('dueFrom=2099-01-01')).toEqual([]);
    const html = await w.get(
      coordinator,
      '/backoffice?queue=due_soon&text=%D1%8F%D0%BC%D0%B0&fastTrack=yes',
    );
    expect(html).toContain('<input type="hidden" name="queue" value="due_soon"');
    expect(html).toContain('value="яма"');
    expect(html).toMatch(/<a href="\/backoffice\?queue=due_soon">Сбросить<\/a>/);
  });

  it('wraps long words instead of widening the table, in the one stylesheet', async () => {
    expect(styles).toContain('td,th{overflow-wrap:anywhere}');
    const html = await w.get(coordinator, '/backoffice?limit=50');
    const response = await w.app.request('/backoffice', { headers: { cookie: coordinator } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/style-src 'sha256-/);
    expect(html).toContain(LONG_WORD.slice(0, 90));
  });

  it('assigns a selection message by message, reporting what was refused and why', async () => {
    const version = async (id: string) => (await w.store.get(id))?.version ?? 0;
    const body = new URLSearchParams([
      ['back', '/backoffice?limit=5'],
      ['action', 'assign'],
      ['executorId', executorRoads.id],
      ['selected', `m-02:${await version('m-02')}`],
      ['selected', `m-03:${(await version('m-03')) - 1}`], // a stale row
      ['selected', `m-07:${await version('m-07')}`], // in moderation: no assignment yet
    ]);
    const response = await w.app.request('/backoffice/bulk', {
      ...formPost({}, coordinator),
      body: body.toString(),
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Выполнено: 1 из 3.');
    const outcomes = [...html.matchAll(/<li data-outcome="(\w+)"[^>]*>.*?<\/li>/g)].map((m) => [
      m[1],
      m[0].replace(/<[^>]+>/g, ''),
    ]);
    expect(outcomes[0]).toEqual(['ok', `41-000002: назначен исполнитель ${executorRoads.name}.`]);
    expect(outcomes[1]?.[0]).toBe('refused');
    expect(outcomes[2]?.[0]).toBe('refused');
    expect(outcomes[1]?.[1]).not.toBe(outcomes[2]?.[1]);
    expect((await w.store.get('m-02'))?.snapshot.context.executorId).toBe(executorRoads.id);
    expect((await w.store.get('m-03'))?.snapshot.context.executorId).toBeNull();
    expect(rowsOf(html)).toHaveLength(5); // the list it came from
  });

  it('exports exactly the selection, in the API export format', async () => {
    const body = new URLSearchParams([
      ['back', '/backoffice'],
      ['action', 'export'],
      ['selected', 'm-04:2'],
      ['selected', 'm-12:2'],
    ]);
    const response = await w.app.request('/backoffice/bulk', {
      ...formPost({}, coordinator),
      body: body.toString(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^\uFEFF?Номер,Номер ЕПГУ,Источник/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['41-000004', '41-000012']);
  });
});
