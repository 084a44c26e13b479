import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  type FileContext,
  type MessageSnapshot,
  type StoredFile,
  startMessage,
} from '../../src/index.js';
import {
  at,
  directory,
  drive,
  expectRefused,
  potholeSubmit,
  T0,
  toInWork,
  users,
} from '../helpers.js';

const sha = (n: number) => n.toString(16).padStart(64, '0');
const upload = (id: string, over: Partial<StoredFile> = {}): StoredFile => ({
  id,
  name: `${id}.jpg`,
  size: 1000,
  contentType: 'image/jpeg',
  sha256: sha(id.length),
  uploadedBy: users.applicant.id,
  uploadedAt: T0,
  attachedTo: null,
  ...over,
});
const context = (...known: StoredFile[]): FileContext => ({ known });

const submitWith = (fileIds: string[], files: FileContext | undefined) =>
  startMessage(
    potholeSubmit({ attachments: fileIds.map((fileId) => ({ fileId })) }),
    directory,
    files,
  );

function issueOf(result: ReturnType<typeof startMessage>) {
  if (result.ok) throw new Error('expected a refusal');
  if (result.error.kind !== 'invalid_payload') throw new Error(result.error.kind);
  return result.error.issues[0];
}

describe('submit attachments', () => {
  it('keeps the applicant’s own fresh photos with their descriptors, in order', () => {
    const result = submitWith(
      ['b', 'a'],
      context(upload('a'), upload('b', { contentType: 'image/png' })),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.snapshot.context.attachments).toEqual([
      {
        fileId: 'b',
        name: 'b.jpg',
        size: 1000,
        contentType: 'image/png',
        sha256: sha(1),
        uploadedAt: T0,
      },
      {
        fileId: 'a',
        name: 'a.jpg',
        size: 1000,
        contentType: 'image/jpeg',
        sha256: sha(1),
        uploadedAt: T0,
      },
    ]);
  });

  it('is empty without attachments, and refuses an id with no descriptor given', () => {
    const plain = startMessage(potholeSubmit(), directory);
    expect(plain.ok && plain.snapshot.context.attachments).toEqual([]);
    expect(issueOf(submitWith(['ghost'], undefined))).toEqual({
      path: ['attachments', 0, 'fileId'],
      message: 'загруженный файл ghost не найден',
    });
  });

  it('reports someone else’s upload exactly like a missing one', () => {
    const theirs = upload('x', { uploadedBy: 'someone-else' });
    expect(issueOf(submitWith(['x'], context(theirs)))?.message).toBe(
      'загруженный файл x не найден',
    );
  });

  it('refuses an upload already attached to another message', () => {
    const used = upload('x', { attachedTo: 'm-other' });
    expect(issueOf(submitWith(['x'], context(used)))?.message).toBe('загруженный файл x не найден');
  });

  it('refuses a type outside the photo set, naming the detected type', () => {
    const pdf = upload('p', { contentType: 'application/pdf', name: 'фото.jpg' });
    expect(issueOf(submitWith(['p'], context(pdf)))?.message).toMatch(
      /^файл «фото\.jpg» имеет тип application\/pdf; здесь можно: image\/jpeg/,
    );
  });

  it('refuses a file named twice, too many files, a file or a total too large', () => {
    const files = Array.from({ length: 4 }, (_, i) => upload(`f${i}`, { size: 600 }));
    const rules = { limits: { filesPerItem: 3, fileBytes: 700, itemBytes: 1000 } };
    const limited = (ids: string[], known = files) =>
      issueOf(submitWith(ids, { known, rules }))?.message;
    expect(issueOf(submitWith(['a', 'a'], context(upload('a'))))?.message).toBe(
      'файл a указан дважды',
    );
    expect(limited(['f0', 'f1', 'f2', 'f3'])).toBe('не больше 3 файлов');
    expect(limited(['big'], [upload('big', { size: 701 })])).toBe('файл «big.jpg» больше 700 байт');
    expect(limited(['f0', 'f1'])).toBe('файлы вместе больше 1000 байт');
  });

  it('takes the allowed types from the rules it is given', () => {
    const png = upload('p', { contentType: 'image/png' });
    const rules = { photoTypes: ['image/jpeg'] };
    expect(issueOf(submitWith(['p'], { known: [png], rules }))?.message).toMatch(/image\/png/);
  });
});

describe('answer files', () => {
  const executor = users.executorRoads;
  const doc = (id: string, over: Partial<StoredFile> = {}) =>
    upload(id, {
      name: `${id}.pdf`,
      contentType: 'application/pdf',
      uploadedBy: executor.id,
      ...over,
    });
  const answer = (files: unknown[]) => ({
    type: 'answer.submit',
    at: at(30),
    by: executor,
    answer: { type: 'resolved', text: 'Яма заделана', files },
  });
  const inWork = (): MessageSnapshot => drive(startOk(), toInWork);
  const startOk = () => {
    const r = startMessage(potholeSubmit(), directory);
    if (!r.ok) throw new Error(r.error.message);
    return r.snapshot;
  };

  it('replaces a reference by the store’s descriptor, whatever name the client wrote', () => {
    const result = applyEvent(
      inWork(),
      answer([{ fileId: 'd', name: 'evil.exe', size: 1 }, { name: 'акт.pdf' }]),
      directory,
      context(doc('d')),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.snapshot.context.answer?.files).toEqual([
      {
        fileId: 'd',
        name: 'd.pdf',
        size: 1000,
        contentType: 'application/pdf',
        sha256: sha(1),
        uploadedAt: T0,
      },
      { name: 'акт.pdf' },
    ]);
  });

  it('refuses a photo type the answer set lacks and leaves the message as it was', () => {
    const snapshot = inWork();
    const png = doc('p', { contentType: 'image/png' });
    const result = applyEvent(snapshot, answer([{ fileId: 'p' }]), directory, context(png));
    expectRefused(result, 'invalid_payload');
    expect(snapshot.context.answer).toBeNull();
  });

  it('accepts a JPEG whatever its name says (the type is the detected one)', () => {
    const jpg = doc('j', { name: 'после ремонта.jpg', contentType: 'image/jpeg' });
    const result = applyEvent(inWork(), answer([{ fileId: 'j' }]), directory, context(jpg));
    expect(result.ok).toBe(true);
  });

  it('lets another executor reuse a file already attached to the same message', () => {
    const attached = doc('d', { uploadedBy: 'exec-gone', attachedTo: 'm-1' });
    expect(applyEvent(inWork(), answer([{ fileId: 'd' }]), directory, context(attached)).ok).toBe(
      true,
    );
    const elsewhere = doc('d', { uploadedBy: 'exec-gone', attachedTo: 'm-2' });
    expectRefused(
      applyEvent(inWork(), answer([{ fileId: 'd' }]), directory, context(elsewhere)),
      'invalid_payload',
    );
  });

  it('counts named files and uploads together against the limit', () => {
    const rules = { limits: { filesPerItem: 1 } };
    const result = applyEvent(inWork(), answer([{ fileId: 'd' }, { name: 'акт.pdf' }]), directory, {
      known: [doc('d')],
      rules,
    });
    expectRefused(result, 'invalid_payload');
  });
});
