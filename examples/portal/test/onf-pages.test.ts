import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onfUsers } from '../src/seed/onf-world.js';
import { buttonsOf, formPost, page, signIn, startTestPortal, type TestPortal } from './support.js';

const cardsOf = (html: string): string[] =>
  [...html.matchAll(/<tr data-case="([^"]+)"/g)].map((m) => m[1] ?? '');
const countOf = (html: string, status: string): number =>
  Number(
    html.match(new RegExp(`data-status-tab="${status}"[^>]*>[^<]*<span class="count">(\\d+)`))?.[1],
  );

describe('the ОНФ pages', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal();
  }, 90_000);
  afterAll(() => portal?.close());

  it('send ОНФ people to the card list after sign-in, and show the ПОС backoffice no more', async () => {
    const response = await portal.app.request(
      '/sign-in',
      formPost({ userId: onfUsers.supervisor41.id }),
    );
    expect(response.headers.get('location')).toBe('/onf');
    const cookie = await signIn(portal, onfUsers.supervisor41.id);
    const html = await page(portal, cookie, '/onf');
    expect(html).toContain('href="/onf">ОНФ. Помощь');
    expect(html).not.toContain('href="/backoffice"');
  });

  it('list the region’s cards with counts per status, and filter them', async () => {
    const cookie = await signIn(portal, onfUsers.supervisor41.id);
    const all = await page(portal, cookie, '/onf');
    const rows = cardsOf(all);
    expect(rows.length).toBe(16);
    expect(rows.every((id) => Number(id.slice(4)) < 20)).toBe(true); // Kamchatka only
    expect(countOf(all, 'all')).toBe(16);
    expect(countOf(all, 'new')).toBe(2);
    expect(countOf(all, 'closed')).toBe(4);
    const free = cardsOf(await page(portal, cookie, '/onf?lock=free&statuses=in_work'));
    expect(free.sort()).toEqual(['onf-03', 'onf-12', 'onf-13', 'onf-16']);
    expect(cardsOf(await page(portal, cookie, '/onf?labelsPresent=federal_level'))).toEqual([
      'onf-12',
    ]);
    const noFederal = cardsOf(await page(portal, cookie, '/onf?labelsAbsent=federal_level'));
    expect(noFederal).toHaveLength(15);
    expect(cardsOf(await page(portal, cookie, '/onf?phone=914 123-45'))).toEqual([
      'onf-11',
      'onf-06',
    ]);
    expect(cardsOf(await page(portal, cookie, '/onf?number=410105'))).toEqual(['onf-05']);
    // Whole local days of the user's region: NOW is 12:00 on 15.04 in Kamchatka.
    expect(cardsOf(await page(portal, cookie, '/onf?createdFrom=2025-04-15'))).toEqual([
      'onf-02',
      'onf-01',
    ]);
    expect(cardsOf(await page(portal, cookie, '/onf?createdTo=2025-04-14'))).toHaveLength(14);
    expect(cardsOf(await page(portal, cookie, '/onf?text=слухового'))).toEqual(['onf-07']);
    expect(
      cardsOf(await page(portal, cookie, '/onf?address=Ключевская&sort=createdAt&direction=asc')),
    ).toEqual(['onf-06', 'onf-11']);
    const volunteers = await signIn(portal, onfUsers.curator73.id);
    expect(cardsOf(await page(portal, volunteers, '/onf?categoryTypes=nko')).sort()).toEqual([
      'onf-21',
      'onf-22',
      'onf-24',
      'onf-25',
      'onf-28',
      'onf-29',
    ]);
  });

  it('give the curator the check queue and support its requests', async () => {
    const curator = await signIn(portal, onfUsers.curator41.id);
    const check = await page(portal, curator, '/onf/check');
    expect(cardsOf(check)).toEqual(['onf-05']);
    expect(check).toContain('data-queue="check"');
    expect(check).not.toContain('data-queue="support"');
    const support = await signIn(portal, onfUsers.support.id);
    expect(cardsOf(await page(portal, support, '/onf/support'))).toEqual(['onf-15']);
    const card = await page(portal, support, '/onf/cases/onf-15');
    expect(buttonsOf(card)).toContain('case.support_fix');
    expect(card).toContain('value="+7(914)515-15-16"');
  });

  it('give the Kamchatka government’s ПОС curator no ОНФ card: not listed, not opened, not accepted', async () => {
    const curator = await signIn(portal, onfUsers.curator41.id);
    const checked = await page(portal, curator, '/onf/cases/onf-05');
    expect(buttonsOf(checked)).toContain('case.accept');
    const version = checked.match(/name="version" value="(\d+)"/)?.[1] ?? '';
    const posCurator = await signIn(portal, 'cur-kam-gov');
    const home = await page(portal, posCurator, '/backoffice');
    expect(home).not.toContain('href="/onf">ОНФ. Помощь');
    const opened = await portal.app.request('/onf/cases/onf-05', {
      headers: { cookie: posCurator },
    });
    expect(opened.status).toBe(404);
    const accepted = await portal.app.request(
      '/onf/cases/onf-05/events/case.accept',
      formPost({ version }, posCurator),
    );
    expect(accepted.status).toBe(404);
    expect((await portal.store.getCase('onf-05'))?.status).toBe('curator_check');
  });

  it('show the card through the field rules: an executor of another card sees no phone', async () => {
    const other = await signIn(portal, onfUsers.executor41.id);
    const html = await page(portal, other, '/onf/cases/onf-04');
    expect(html).not.toContain('+7(914)330-56-89');
    expect(html).not.toContain('Запросила в аптечном пункте');
    expect(buttonsOf(html)).toEqual([]);
    const holder = await signIn(portal, onfUsers.executor41b.id);
    const own = await page(portal, holder, '/onf/cases/onf-04');
    expect(own).toContain('+7(914)330-56-89');
    expect(own).toContain('Запросила в аптечном пункте');
    expect(own).toContain('data-lock="held"');
    expect(buttonsOf(own)).toContain('case.release');
    expect(buttonsOf(own)).toContain('case.close_request');
    // A card of the other region is not theirs to open.
    const response = await portal.app.request('/onf/cases/onf-22', { headers: { cookie: holder } });
    expect(response.status).toBe(404);
  });

  it('assign from the card page, and the worker e-mails the executor through the card templates', async () => {
    const cookie = await signIn(portal, onfUsers.supervisor41.id);
    const card = await page(portal, cookie, '/onf/cases/onf-01');
    expect(buttonsOf(card)).toContain('case.assign');
    // The executors of the card's region, and no one else, are offered.
    const offered = [...card.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(offered).toContain(onfUsers.executor41b.id);
    expect(offered).not.toContain(onfUsers.executor73.id);
    const version = card.match(/name="version" value="(\d+)"/)?.[1] ?? '';
    const posted = await portal.app.request(
      '/onf/cases/onf-01/events/case.assign',
      formPost({ version, executorId: onfUsers.executor41b.id }, cookie),
    );
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/onf/cases/onf-01?done=case.assign');
    // The same form again, drawn for the old version: refused, nothing changes.
    const stale = await portal.app.request(
      '/onf/cases/onf-01/events/case.assign',
      formPost({ version, executorId: onfUsers.executor41.id }, cookie),
    );
    expect(stale.status).toBe(409);
    expect((await portal.store.getCase('onf-01'))?.snapshot.context.executorId).toBe(
      onfUsers.executor41b.id,
    );
    portal.lines.length = 0;
    await portal.worker.tick();
    expect(portal.lines).toContain(
      '[почта] o•••@onf-demo.example.ru: «ОНФ. Помощь: карточка № 410101 — назначена вам» (карточка onf-01)',
    );
  });

  it('let the moderator move a card to the right region and support correct a phone', async () => {
    const moderator = await signIn(portal, onfUsers.moderator.id);
    expect(cardsOf(await page(portal, moderator, '/onf/moderation'))).toEqual(['onf-14']);
    const card = await page(portal, moderator, '/onf/cases/onf-14');
    expect(buttonsOf(card)).toContain('case.rereview_fix');
    const version = card.match(/name="version" value="(\d+)"/)?.[1] ?? '';
    const fixed = await portal.app.request(
      '/onf/cases/onf-14/events/case.rereview_fix',
      formPost(
        { version, regionCode: '73', municipality: 'город Ульяновск', topic: '' },
        moderator,
      ),
    );
    expect(fixed.status).toBe(303);
    const moved = await portal.store.getCase('onf-14');
    expect([moved?.status, moved?.snapshot.context.regionCode]).toEqual(['new', '73']);
    const supervisor = await signIn(portal, onfUsers.supervisor73.id);
    expect(cardsOf(await page(portal, supervisor, '/onf?statuses=new'))).toContain('onf-14');

    const support = await signIn(portal, onfUsers.support.id);
    const request = await page(portal, support, '/onf/cases/onf-15');
    expect(request).toContain('Телефон → +7(914)515-15-16');
    const supportVersion = request.match(/name="version" value="(\d+)"/)?.[1] ?? '';
    const corrected = await portal.app.request(
      '/onf/cases/onf-15/events/case.support_fix',
      formPost({ version: supportVersion, phone: '+7(914)515-15-16' }, support),
    );
    expect(corrected.status).toBe(303);
    const back = await portal.store.getCase('onf-15');
    expect([back?.status, back?.snapshot.context.applicant.phone]).toEqual([
      'in_work',
      '+7(914)515-15-16',
    ]);
  });

  it('export the filtered list to Excel as the signed-in user', async () => {
    const cookie = await signIn(portal, onfUsers.curator41.id);
    const response = await portal.app.request('/onf/export.xlsx?statuses=closed', {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip: the workbook
    const list = await page(portal, cookie, '/onf?statuses=closed');
    expect(list).toContain('href="/onf/export.xlsx?statuses=closed');
  });
});
