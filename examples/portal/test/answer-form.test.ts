/**
 * The answer form after a return for rework (the draft's text, type and files, each file
 * kept or removed) and with the organisation's answer templates (`?template=<id>`).
 */
import { demoUsers } from '@reshaem/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, signIn, startTestPortal, type TestPortal } from './support.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n%âã\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal?.close());

function multipartPost(
  fields: Record<string, string>,
  files: [string, Uint8Array<ArrayBuffer>][],
  cookie: string,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [name, bytes] of files) form.append('file', new Blob([bytes]), name);
  return { method: 'POST', headers: { origin: 'http://localhost', cookie }, body: form };
}

type Staff = (typeof demoUsers)[keyof typeof demoUsers];

async function send(messageId: string, by: Staff, event: Record<string, unknown>) {
  const result = await portal.store.send(messageId, { ...event, at: new Date().toISOString(), by });
  expect(result.ok, JSON.stringify(result)).toBe(true);
}

/** A new pothole message at the road ministry, taken into work by its executor. */
async function messageInWork(text: string): Promise<string> {
  const applicant = await signIn(portal, 'app-ivanov');
  const submitted = await portal.app.request(
    '/my/messages',
    multipartPost(
      { orgId: 'kam-roads', subcategoryId: 'potholes', factId: 'pothole-yard', text },
      [],
      applicant,
    ),
  );
  expect(submitted.status).toBe(303);
  const path = (submitted.headers.get('location') ?? '').split('?')[0] as string;
  const id = decodeURIComponent(path.slice('/messages/'.length));
  await send(id, demoUsers.moderator, { type: 'moderation.accept' });
  await send(id, demoUsers.coordinatorRoads, {
    type: 'executor.assign',
    executorId: demoUsers.executorRoads.id,
  });
  await send(id, demoUsers.executorRoads, { type: 'work.take' });
  return id;
}

const textArea = (html: string, name: string) =>
  new RegExp(`<textarea name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1] ?? null;
const checkboxes = (html: string) =>
  [...html.matchAll(/<input type="checkbox" name="(keep\d+)" value="([^"]+)"( checked="")?/g)].map(
    (m) => ({ name: m[1], value: m[2], checked: m[3] !== undefined }),
  );

describe('the answer form after a return for rework', () => {
  it('is filled with the returned draft and its files; a cleared box removes a file', async () => {
    const id = await messageInWork('Яма у остановки');
    const executor = await signIn(portal, demoUsers.executorRoads.id);
    const version = () => portal.store.get(id).then((s) => String(s?.version));
    const first = await portal.app.request(
      `/messages/${id}/events/answer.submit`,
      multipartPost(
        {
          version: await version(),
          answerType: 'postponed',
          postponedUntil: '2025-06-30',
          text: 'Ремонт в июне',
          files: 'акт.pdf',
        },
        [['Смета.pdf', PDF]],
        executor,
      ),
    );
    expect(first.status).toBe(303);
    const fresh = await page(portal, executor, `/messages/${id}`);
    expect(checkboxes(fresh)).toEqual([]); // on approval: no answer form at all
    await send(id, demoUsers.headRoads, { type: 'answer.return', comment: 'Уточните срок' });

    const card = await page(portal, executor, `/messages/${id}`);
    expect(textArea(card, 'text')).toBe('Ремонт в июне');
    expect(card).toContain('Ответ возвращён на доработку: «Уточните срок»');
    expect(card).toMatch(/<option value="postponed" selected="">/);
    expect(card).toContain('name="postponedUntil" value="2025-06-30"');
    const boxes = checkboxes(card);
    const pdf = (await portal.store.get(id))?.snapshot.context.answer?.files.find(
      (f) => f.name === 'Смета.pdf',
    );
    expect(pdf?.fileId).toBeTruthy();
    expect(boxes).toEqual([
      { name: 'keep0', value: 'name:акт.pdf', checked: true },
      { name: 'keep1', value: `id:${pdf?.fileId}`, checked: true },
    ]);

    // The executor keeps the uploaded estimate, drops the named act, edits the text.
    const again = await portal.app.request(
      `/messages/${id}/events/answer.submit`,
      multipartPost(
        {
          version: await version(),
          answerType: 'postponed',
          postponedUntil: '2025-06-15',
          text: 'Ремонт до 15 июня',
          keep1: `id:${pdf?.fileId}`,
        },
        [],
        executor,
      ),
    );
    expect(again.status).toBe(303);
    const answer = (await portal.store.get(id))?.snapshot.context.answer;
    expect(answer?.text).toBe('Ремонт до 15 июня');
    expect(answer?.files.map((f) => [f.name, f.fileId])).toEqual([['Смета.pdf', pdf?.fileId]]);
  });

  it('a refused resubmission keeps the cleared boxes cleared and the typed text', async () => {
    const id = await messageInWork('Яма у школы');
    const executor = await signIn(portal, demoUsers.executorRoads.id);
    await send(id, demoUsers.executorRoads, {
      type: 'answer.submit',
      answer: { type: 'resolved', text: 'Заделали', files: [{ name: 'фото.jpeg' }] },
    });
    await send(id, demoUsers.headRoads, { type: 'answer.return', comment: 'Нет фото' });
    const version = String((await portal.store.get(id))?.version);
    const refused = await portal.app.request(
      `/messages/${id}/events/answer.submit`,
      multipartPost({ version, answerType: 'postponed', text: 'Сделаем позже' }, [], executor),
    );
    // Post/Redirect/Get: the refusal and what was typed come back on the message's page.
    expect(refused.status).toBe(303);
    const html = await page(portal, executor, refused.headers.get('location') ?? '');
    expect(html).toContain('data-refusal');
    expect(textArea(html, 'text')).toBe('Сделаем позже');
    expect(checkboxes(html)).toEqual([{ name: 'keep0', value: 'name:фото.jpeg', checked: false }]);
  });
});

describe('answer templates on the answer form', () => {
  it('?template=<id> fills the text with the message’s values; other organisations’ are not offered', async () => {
    const id = await messageInWork('Яма на Ленинской');
    const executor = await signIn(portal, demoUsers.executorRoads.id);
    const plain = await page(portal, executor, `/messages/${id}`);
    expect(plain).toContain('data-templates');
    expect(plain).toContain('Яма устранена');
    expect(textArea(plain, 'text')).toBe('');

    const m = (await portal.store.get(id))?.snapshot.context;
    const filled = await page(portal, executor, `/messages/${id}?template=kam-roads-pothole-fixed`);
    const text = textArea(filled, 'text') ?? '';
    expect(text).toContain(`Уважаемый(ая) ${m?.applicant.name}!`);
    expect(text).toContain(`№ ${m?.number} от `);
    expect(text).toContain(demoUsers.executorRoads.name);
    expect(text).not.toContain('{{');
    expect(filled).toMatch(/<option value="kam-roads-pothole-fixed" selected="">/);
    expect(filled).toMatch(/<option value="resolved" selected="">/);

    const other = portal.store;
    await other.saveAnswerTemplates('kam-gov', [
      {
        id: 'kam-gov-thanks',
        orgId: 'kam-gov',
        name: 'Спасибо',
        body: 'Спасибо, {{ФИО Заявителя}}',
      },
    ]);
    const foreign = await page(portal, executor, `/messages/${id}?template=kam-gov-thanks`);
    expect(foreign).not.toContain('Спасибо');
    expect(textArea(foreign, 'text')).toBe('');
  });
});
