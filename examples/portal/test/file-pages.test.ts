/**
 * The pages' file fields end to end: a photo at submit, a PDF with the answer, the
 * applicant downloading the approved answer's PDF — through the forms, the session cookie
 * and the portal's database.
 */
import { demoUsers } from '@reshaem/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, signIn, startTestPortal, type TestPortal } from './support.js';

const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 7, 7, 7,
]);
const PDF = new TextEncoder().encode('%PDF-1.7\n%âã\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);

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

const idsIn = (html: string) =>
  [...html.matchAll(/href="\/files\/([^"?]+)"/g)].map((m) => m[1] as string);

describe('file fields on the pages', () => {
  it('a photo at submit, a PDF with the answer, downloaded by the applicant once approved', async () => {
    const applicant = await signIn(portal, 'app-ivanov');
    const submitted = await portal.app.request(
      '/my/messages',
      multipartPost(
        {
          orgId: 'kam-roads',
          subcategoryId: 'potholes',
          factId: 'pothole-yard',
          text: 'Яма у подъезда',
        },
        [['яма у подъезда.jpg', JPEG]],
        applicant,
      ),
    );
    expect(submitted.status).toBe(303);
    const cardPath = (submitted.headers.get('location') ?? '').split('?')[0] as string;
    const messageId = decodeURIComponent(cardPath.slice('/messages/'.length));
    const card = await page(portal, applicant, cardPath);
    expect(card).toContain('Фото заявителя');
    expect(card).toContain('class="thumb"');
    const [photoId] = idsIn(card);
    // The preview is served inline, with nosniff and the API's CSP.
    expect(card).toContain(`src="/files/${photoId}?disposition=inline"`);
    const preview = await portal.app.request(`/files/${photoId}?disposition=inline`, {
      headers: { cookie: applicant },
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(preview.headers.get('x-content-type-options')).toBe('nosniff');
    expect(preview.headers.get('content-security-policy')).toContain("default-src 'none'");
    const stranger = await signIn(portal, 'app-petrova');
    const hidden = await portal.app.request(`/files/${photoId}?disposition=inline`, {
      headers: { cookie: stranger },
    });
    expect(hidden.status).toBe(404);
    const photo = await portal.app.request(`/files/${photoId}`, { headers: { cookie: applicant } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(JPEG);

    // Moderation and assignment through the store; the answer through the executor's form.
    const send = async (
      by: (typeof demoUsers)[keyof typeof demoUsers],
      event: Record<string, unknown>,
    ) => {
      const result = await portal.store.send(messageId, {
        ...event,
        at: new Date().toISOString(),
        by,
      });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    };
    await send(demoUsers.moderator, { type: 'moderation.accept' });
    await send(demoUsers.coordinatorRoads, {
      type: 'executor.assign',
      executorId: demoUsers.executorRoads.id,
    });
    await send(demoUsers.executorRoads, { type: 'work.take' });
    const executor = await signIn(portal, demoUsers.executorRoads.id);
    const version = String((await portal.store.get(messageId))?.version);
    const refused = await portal.app.request(
      `/messages/${messageId}/events/answer.submit`,
      multipartPost(
        { version, answerType: 'resolved', text: 'Яма заделана' },
        [['ответ.pdf', EXE]],
        executor,
      ),
    );
    // The refusal waits at the card's own URL (Post/Redirect/Get).
    expect(refused.status).toBe(303);
    const shown = await portal.app.request(refused.headers.get('location') ?? '', {
      headers: { cookie: executor },
    });
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('application/x-msdownload');
    const answered = await portal.app.request(
      `/messages/${messageId}/events/answer.submit`,
      multipartPost(
        { version, answerType: 'resolved', text: 'Яма заделана' },
        [['Ответ заявителю.pdf', PDF]],
        executor,
      ),
    );
    expect(answered.status).toBe(303);
    const staffCard = await page(portal, executor, cardPath);
    expect(staffCard).toContain('Файлы ответа');
    const pdfId = idsIn(staffCard).find((id) => id !== photoId) as string;

    // A draft: the applicant neither sees nor downloads it.
    expect(await page(portal, applicant, cardPath)).not.toContain(pdfId);
    expect(
      (await portal.app.request(`/files/${pdfId}`, { headers: { cookie: applicant } })).status,
    ).toBe(404);

    await send(demoUsers.headRoads, { type: 'answer.approve' });
    expect(await page(portal, applicant, cardPath)).toContain(pdfId);
    const pdf = await portal.app.request(`/files/${pdfId}`, { headers: { cookie: applicant } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''%D0%9E%D1%82%D0%B2%D0%B5%D1%82%20%D0%B7%D0%B0%D1%8F%D0%B2%D0%B8%D1%82%D0%B5%D0%BB%D1%8E.pdf",
    );
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(PDF);
    // Nobody else's session gets it.
    const other = await signIn(portal, 'app-petrova');
    expect(
      (await portal.app.request(`/files/${pdfId}`, { headers: { cookie: other } })).status,
    ).toBe(404);
  });

  it('refuses an executable as a photo and keeps neither the message nor the file', async () => {
    const applicant = await signIn(portal, 'app-ivanov');
    const before = (await portal.store.list(demoUsers.applicant, { limit: 200 })).items.length;
    const refused = await portal.app.request(
      '/my/messages',
      multipartPost(
        { orgId: 'kam-roads', subcategoryId: 'potholes', text: 'Яма' },
        [['фото.jpg', EXE]],
        applicant,
      ),
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Файл не принят');
    expect((await portal.store.list(demoUsers.applicant, { limit: 200 })).items.length).toBe(
      before,
    );
    expect(await portal.files.unattachedBefore('2100-01-01T00:00:00.000Z', 10)).toEqual([]);
  });

  it("takes the caller's photo on the 112 operator's form, and refuses an executable there too", async () => {
    const operator = await signIn(portal, 'op-uly-112');
    const fields = {
      applicantName: 'Орлов Пётр',
      applicantPhone: '+7 902 111-22-33',
      orgId: 'uly-gov',
      subcategoryId: 'road-repair',
      text: 'Центр мониторинга 112: провал дороги, фото прислал заявитель',
    };
    const refused = await portal.app.request(
      '/operator/messages',
      multipartPost(fields, [['провал.jpg', EXE]], operator),
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Файл не принят');
    expect(await portal.files.unattachedBefore('2100-01-01T00:00:00.000Z', 10)).toEqual([]);

    const response = await portal.app.request(
      '/operator/messages',
      multipartPost(fields, [['провал дороги.jpg', JPEG]], operator),
    );
    expect(response.status).toBe(303);
    const cardPath = (response.headers.get('location') ?? '').split('?')[0] as string;
    const id = decodeURIComponent(cardPath.slice('/messages/'.length));
    const stored = await portal.store.get(id);
    expect(stored?.snapshot.context.attachments).toEqual([
      expect.objectContaining({ name: 'провал дороги.jpg', contentType: 'image/jpeg' }),
    ]);
    const fileId = stored?.snapshot.context.attachments?.[0]?.fileId as string;
    expect((await portal.files.describe([fileId]))[0]?.attachedTo).toBe(id);
    const card = await page(portal, operator, cardPath);
    expect(card).toContain('class="thumb"');
    const photo = await portal.app.request(`/files/${fileId}`, { headers: { cookie: operator } });
    expect(photo.status).toBe(200);
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(JPEG);
  });
});
