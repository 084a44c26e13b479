import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectProblem, type Handle, json, potholeBody, storeState } from '../support.js';
import { type FileWorld, fileWorld, jpegBytes, pdfBytes, pngBytes, textBytes } from './fixtures.js';

type View = {
  id: string;
  status: { code: string };
  message: { attachments: { fileId: string; name: string }[]; answer: { files: unknown[] } | null };
  files: { id: string; field: string; downloadUrl: string; name: string }[];
};

async function submitWith(w: FileWorld, fileIds: string[], as: Handle = 'applicant') {
  return w.call('POST', '/messages', {
    as,
    body: potholeBody({ attachments: fileIds.map((fileId) => ({ fileId })) }),
  });
}

/** A message submitted with a photo, accepted, assigned and taken up by the executor. */
async function inWork(w: FileWorld) {
  const photo = await w.uploadOne('applicant', { filename: 'яма.jpg', bytes: jpegBytes() });
  const created = await json<View>(await submitWith(w, [photo]));
  const send = (as: Handle, body: Record<string, unknown>) =>
    w.call('POST', `/messages/${created.id}/events`, { as, body });
  for (const [as, body] of [
    ['moderator', { type: 'moderation.accept' }],
    ['coordinatorRoads', { type: 'executor.assign', executorId: 'exec-kam-roads' }],
    ['executorRoads', { type: 'work.take' }],
  ] as const) {
    const response = await send(as, body);
    expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  }
  return { id: created.id, photo, send };
}

const answer = (files: unknown[]) => ({
  type: 'answer.submit',
  answer: { type: 'resolved', text: 'Яма заделана 20.01.2025', files },
});

describe('submit attachments by id', () => {
  it('attaches the applicant’s photos and lists them with download URLs', async () => {
    const w = fileWorld();
    const a = await w.uploadOne('applicant', { filename: 'яма.jpg', bytes: jpegBytes() });
    const b = await w.uploadOne('applicant', { filename: 'вид.png', bytes: pngBytes() });
    const response = await submitWith(w, [a, b]);
    expect(response.status).toBe(201);
    const view = await json<View>(response);
    expect(view.message.attachments.map((f) => f.name)).toEqual(['яма.jpg', 'вид.png']);
    expect(view.files.map((f) => [f.id, f.field, f.downloadUrl])).toEqual([
      [a, 'attachments', `/files/${a}`],
      [b, 'attachments', `/files/${b}`],
    ]);
    const stored = await w.files.describe([a, b]);
    expect(stored.map((f) => f.attachedTo)).toEqual([view.id, view.id]);
  });

  it('refuses (422) an unknown id, someone else’s upload, a PDF as a photo, too many — and attaches nothing', async () => {
    const w = fileWorld({ filesPerItem: 2 });
    const mine = await w.uploadOne('applicant', { filename: 'a.jpg', bytes: jpegBytes() });
    const theirs = await w.uploadOne('applicant2', { filename: 'b.jpg', bytes: jpegBytes() });
    const pdf = await w.uploadOne('applicant', { filename: 'c.pdf', bytes: pdfBytes() });
    const before = await storeState(w.store);
    for (const [ids, message] of [
      [['nope'], 'загруженный файл nope не найден'],
      [[mine, theirs], `загруженный файл ${theirs} не найден`],
      [
        [pdf],
        'файл «c.pdf» имеет тип application/pdf; здесь можно: image/jpeg, image/png, image/heic, image/heif',
      ],
      [[mine, mine], `файл ${mine} указан дважды`],
    ] as const) {
      const problem = await expectProblem(await submitWith(w, [...ids]), 'validation', 422);
      expect((problem.errors as { message: string }[])[0]?.message).toBe(message);
    }
    const extra = await w.uploadOne('applicant', { filename: 'd.jpg', bytes: jpegBytes() });
    const more = await w.uploadOne('applicant', { filename: 'e.jpg', bytes: jpegBytes() });
    await expectProblem(await submitWith(w, [mine, extra, more]), 'validation', 422);
    expect(await storeState(w.store)).toBe(before);
    const all = await w.files.describe([mine, theirs, pdf, extra, more]);
    expect(all.every((f) => f.attachedTo === null)).toBe(true);
  });

  it('refuses the same upload for a second message', async () => {
    const w = fileWorld();
    const photo = await w.uploadOne('applicant', { filename: 'a.jpg', bytes: jpegBytes() });
    expect((await submitWith(w, [photo])).status).toBe(201);
    await expectProblem(await submitWith(w, [photo]), 'validation', 422);
  });

  it('refuses attachments when the app has no file store', async () => {
    const { world } = await import('../support.js');
    const w = world();
    const response = await w.call('POST', '/messages', {
      as: 'applicant',
      body: potholeBody({ attachments: [{ fileId: 'x' }] }),
    });
    await expectProblem(response, 'validation', 422);
  });
});

describe('answer files by id', () => {
  it('keeps the executor’s PDF with its descriptor; the applicant downloads it only once approved', async () => {
    const w = fileWorld();
    const { id, send } = await inWork(w);
    const letter = pdfBytes(9000);
    const pdf = await w.uploadOne('executorRoads', {
      filename: 'Ответ заявителю.pdf',
      bytes: letter,
    });
    const txt = await w.uploadOne('executorRoads', { filename: 'акт.txt', bytes: textBytes() });
    const submitted = await send('executorRoads', answer([{ fileId: pdf }, { fileId: txt }]));
    expect(submitted.status).toBe(200);
    const view = await json<View>(submitted);
    expect(view.files.filter((f) => f.field === 'answer').map((f) => f.name)).toEqual([
      'Ответ заявителю.pdf',
      'акт.txt',
    ]);
    // A draft: hidden from the applicant, file and all.
    const draftSeen = await json<View>(await w.call('GET', `/messages/${id}`, { as: 'applicant' }));
    expect(draftSeen.files.map((f) => f.field)).toEqual(['attachments']);
    await expectProblem(
      await w.call('GET', `/files/${pdf}`, { as: 'applicant' }),
      'not-found',
      404,
    );
    expect((await w.call('GET', `/files/${pdf}`, { as: 'headRoads' })).status).toBe(200);

    expect((await send('headRoads', { type: 'answer.approve' })).status).toBe(200);
    const download = await w.call('GET', `/files/${pdf}`, { as: 'applicant' });
    expect(download.status).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      createHash('sha256').update(letter).digest('hex'),
    );
  });

  it('refuses a photo type the answer set lacks, the applicant’s upload, and attaches nothing', async () => {
    const w = fileWorld();
    const { id, photo, send } = await inWork(w);
    const png = await w.uploadOne('executorRoads', { filename: 'после.png', bytes: pngBytes() });
    const before = await storeState(w.store);
    const wrongType = await expectProblem(
      await send('executorRoads', answer([{ fileId: png }])),
      'validation',
      422,
    );
    expect(JSON.stringify(wrongType.errors)).toContain('файл «после.png» имеет тип image/png');
    const applicants = await w.uploadOne('applicant', { filename: 'x.jpg', bytes: jpegBytes() });
    await expectProblem(
      await send('executorRoads', answer([{ fileId: applicants }])),
      'validation',
      422,
    );
    expect(await storeState(w.store)).toBe(before);
    expect((await w.files.describe([png, applicants])).map((f) => f.attachedTo)).toEqual([
      null,
      null,
    ]);
    // The applicant's photo is already attached to this message: the executor may reuse it.
    expect((await send('executorRoads', answer([{ fileId: photo }]))).status).toBe(200);
    expect((await w.files.describe([photo]))[0]?.attachedTo).toBe(id);
  });

  it('lets a draft returned for rework keep its files', async () => {
    const w = fileWorld();
    const { send } = await inWork(w);
    const pdf = await w.uploadOne('executorRoads', { filename: 'a.pdf', bytes: pdfBytes() });
    expect((await send('executorRoads', answer([{ fileId: pdf }]))).status).toBe(200);
    expect((await send('headRoads', { type: 'answer.return', comment: 'Нет фото' })).status).toBe(
      200,
    );
    expect((await send('executorRoads', answer([{ fileId: pdf }]))).status).toBe(200);
  });
});
