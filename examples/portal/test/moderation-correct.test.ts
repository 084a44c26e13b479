/** The moderator's correction of the rubric and the recipient on the message page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, formPost, page, signIn, startTestPortal, type TestPortal } from './support.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal?.close());

/** A new pothole message at the Kamchatka road ministry, waiting for moderation. */
async function messageInModeration(text: string): Promise<string> {
  const applicant = await signIn(portal, 'app-ivanov');
  const form = new FormData();
  const fields = { orgId: 'kam-roads', subcategoryId: 'potholes', factId: 'pothole-yard', text };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const submitted = await portal.app.request('/my/messages', {
    method: 'POST',
    headers: { origin: 'http://localhost', cookie: applicant },
    body: form,
  });
  expect(submitted.status).toBe(303);
  const path = (submitted.headers.get('location') ?? '').split('?')[0] as string;
  return decodeURIComponent(path.slice('/messages/'.length));
}

const formOf = (html: string, type: string) => {
  const from = html.indexOf(`data-event="${type}"`);
  return from < 0 ? '' : html.slice(from, html.indexOf('</form>', from));
};

describe('«Исправить рубрику и получателя» on the message page', () => {
  it('a moderator corrects the topic before accepting; the history shows old and new', async () => {
    const id = await messageInModeration('Яма у дома 7, но это ремонт всей дороги');
    const cookie = await signIn(portal, 'mod-kam');
    const card = await page(portal, cookie, `/messages/${id}`);
    // The correction comes before «Принять», prefilled with the topic as it is.
    expect(buttonsOf(card).slice(0, 2)).toEqual(['moderation.correct', 'moderation.accept']);
    const form = formOf(card, 'moderation.correct');
    expect(form).toContain('Исправить рубрику и получателя');
    expect(form).toMatch(/<option value="kam-roads" selected/);
    expect(form).toMatch(/<option value="potholes" selected/);
    expect(form).not.toContain('value="uly-roads"'); // only the message's region

    const before = await portal.store.get(id);
    const response = await portal.app.request(
      `/messages/${encodeURIComponent(id)}/events/moderation.correct`,
      formPost(
        {
          version: String(before?.version),
          orgId: 'kam-gov',
          subcategoryId: 'road-repair',
          factId: '',
          comment: 'Ремонт дороги целиком',
        },
        cookie,
      ),
    );
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toContain('done=moderation.correct');
    const after = await portal.store.get(id);
    expect(after?.status).toBe('moderation');
    expect(after?.snapshot.context).toMatchObject({
      receivedOrgId: 'kam-gov',
      holdingOrgId: 'kam-gov',
      subcategoryId: 'road-repair',
      factId: null,
    });
    const html = await page(portal, cookie, location);
    const history = html.slice(html.indexOf('class="history"'));
    const roads = portal.store.directory.organisation('kam-roads')?.name ?? '';
    const gov = portal.store.directory.organisation('kam-gov')?.name ?? '';
    expect(history).toContain('Модератор исправил рубрику и получателя');
    expect(history).toContain(`получатель: «${roads}» → «${gov}»`);
    expect(history).toMatch(/подкатегория: «[^»]+» → «[^»]+»/);
    expect(history).toContain('«Ремонт дороги целиком»');
  });

  it('a refusal shows at the top of the page, with the chosen values kept, and changes nothing', async () => {
    const id = await messageInModeration('Яма на дороге у школы');
    const cookie = await signIn(portal, 'mod-kam');
    const before = await portal.store.get(id);
    const response = await portal.app.request(
      `/messages/${encodeURIComponent(id)}/events/moderation.correct`,
      formPost(
        {
          version: String(before?.version),
          orgId: 'kam-edu',
          subcategoryId: 'potholes',
          factId: '',
        },
        cookie,
      ),
    );
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/\?refusal=[\w-]+$/);
    const html = await page(portal, cookie, location);
    const main = html.slice(html.indexOf('<main>'));
    expect(main.slice(0, 80)).toContain('role="alert"');
    expect(main.slice(0, main.indexOf('</div>'))).toContain('не отвечает за эту подкатегорию');
    expect(formOf(html, 'moderation.correct')).toMatch(/<option value="kam-edu" selected/);
    const after = await portal.store.get(id);
    expect(after?.version).toBe(before?.version);
    expect(after?.snapshot.context.receivedOrgId).toBe('kam-roads');
  });

  it('is not offered to the coordinator, nor once the message is accepted', async () => {
    const id = await messageInModeration('Яма во дворе');
    const coordinator = await page(
      portal,
      await signIn(portal, 'coord-kam-roads'),
      `/messages/${id}`,
    );
    expect(buttonsOf(coordinator)).not.toContain('moderation.correct');
    const cookie = await signIn(portal, 'mod-kam');
    const before = await portal.store.get(id);
    await portal.app.request(
      `/messages/${encodeURIComponent(id)}/events/moderation.accept`,
      formPost({ version: String(before?.version) }, cookie),
    );
    const accepted = await page(portal, cookie, `/messages/${id}`);
    expect(buttonsOf(accepted)).not.toContain('moderation.correct');
  });
});
