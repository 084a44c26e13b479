import { demoUsers as u } from '@reshaem/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNumber, NOW, page, signIn, startTestPortal, type TestPortal } from './support.js';

let portal: TestPortal;

const DRAFT = 'Черновик: яму засыплем щебнем до конца месяца.';
const RETURN = 'Не указан срок, переделайте и приложите фото.';
const EXTENSION = 'Ждём поставку асфальта от подрядчика ООО «Дорстрой».';
/** Everyone who worked on demo-108 (kam-roads): none may be named to its applicant. */
const officials = [u.coordinatorRoads, u.executorRoads, u.headRoads, u.moderator];

const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000).toISOString();

beforeAll(async () => {
  portal = await startTestPortal();
  // demo-108 is in work at the road ministry for the demo applicant (app-ivanov). The
  // executor asks for more time and drafts an answer; the head returns it for rework.
  const steps = [
    {
      type: 'deadline.extension_request',
      by: u.executorRoads,
      until: '2025-05-10',
      reason: EXTENSION,
    },
    {
      type: 'answer.submit',
      by: u.executorRoads,
      answer: { type: 'resolved', text: DRAFT, files: [{ name: 'черновик-акта.pdf' }] },
    },
    { type: 'answer.return', by: u.headRoads, comment: RETURN },
  ];
  for (const [i, step] of steps.entries()) {
    const result = await portal.store.send('demo-108', { ...step, at: minutesAgo(30 - i) });
    if (!result.ok) throw new Error(`${step.type}: ${result.error.kind} ${result.error.message}`);
  }
});
afterAll(() => portal.close());

describe('what the demo applicant sees of a message under rework', () => {
  it('the message is under rework with a draft, a return comment and a pending extension', async () => {
    const stored = await portal.store.get('demo-108');
    const m = stored?.snapshot.context;
    expect(stored?.status).toBe('in_work');
    expect(m?.applicant.userId).toBe(u.applicant.id);
    expect(m?.answer?.text).toBe(DRAFT);
    expect(m?.answer?.approvedAt).toBeNull();
    expect(m?.lastReturnComment).toBe(RETURN);
    expect(m?.pendingExtension?.reason).toBe(EXTENSION);
  });

  it('staff of the holding organisation see all of it on the card', async () => {
    const html = await page(portal, await signIn(portal, u.headRoads.id), '/messages/demo-108');
    expect(html).toContain(DRAFT);
    expect(html).toContain(RETURN);
    expect(html).toContain(EXTENSION);
    expect(html).toContain(u.executorRoads.name);
  });

  it('the card shows the applicant no draft, return comment, official or pending extension', async () => {
    const cookie = await signIn(portal, u.applicant.id);
    const html = await page(portal, cookie, '/messages/demo-108');
    expect(html).toContain(`Сообщение № ${await demoNumber(portal, 'demo-108')}`);
    expect(html).toContain('В работе');
    expect(html).toContain('data-countdown');
    expect(html).not.toContain(DRAFT);
    expect(html).not.toContain('черновик-акта.pdf');
    expect(html).not.toContain(RETURN);
    expect(html).not.toContain(EXTENSION);
    expect(html).not.toContain('Запрошен перенос срока');
    expect(html).not.toContain('Срок исполнения');
    for (const official of officials) {
      expect(html, official.id).not.toContain(official.name);
      expect(html, official.id).not.toContain(official.id);
    }
    // The history names the organisation instead, and only the steps that concern them.
    expect(html).toContain('Министерство транспорта и дорожного строительства Камчатского края');
    expect(html).toContain('data-history="submit"');
    expect(html).toContain('data-history="moderation.accept"');
    expect(html).not.toContain('data-history="executor.assign"');
    expect(html).not.toContain('data-history="answer.return"');
    expect(html).not.toContain('data-history="deadline.extension_request"');
  });

  it('the list «Мои сообщения» shows the applicant no official either', async () => {
    const html = await page(portal, await signIn(portal, u.applicant.id), '/my');
    expect(html).toContain(await demoNumber(portal, 'demo-108'));
    for (const official of officials) expect(html).not.toContain(official.name);
  });
});
