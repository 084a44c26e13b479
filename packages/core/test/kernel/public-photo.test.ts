/**
 * A photo the applicant allows to be public: kept as a mark on the attachment (data in the
 * snapshot, never `false`), only on JPEG and PNG, and public only while the message is.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  type FileContext,
  type MessageSnapshot,
  messageSchema,
  PUBLIC_PHOTO_TYPES,
  publicPhotosOf,
  type StoredFile,
  startMessage,
} from '../../src/index.js';
import { at, directory, potholeSubmit, T0, users } from '../helpers.js';

const upload = (id: string, contentType = 'image/jpeg'): StoredFile => ({
  id,
  name: `${id}.${contentType.split('/')[1]}`,
  size: 1000,
  contentType,
  sha256: id.padStart(64, '0'),
  uploadedBy: users.applicant.id,
  uploadedAt: T0,
  attachedTo: null,
});
const files = (...known: StoredFile[]): FileContext => ({ known });

function submit(
  attachments: { fileId: string; public?: boolean }[],
  known: FileContext,
  isPublic = true,
): MessageSnapshot {
  const result = startMessage(potholeSubmit({ attachments, isPublic }), directory, known);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.snapshot;
}

describe('public photos', () => {
  it('keeps the mark on the photos the applicant allowed, and writes nothing on the others', () => {
    const snapshot = submit(
      [{ fileId: 'a', public: true }, { fileId: 'b' }, { fileId: 'c', public: false }],
      files(upload('a'), upload('b', 'image/png'), upload('c')),
    );
    const [a, b, c] = snapshot.context.attachments;
    expect(a?.public).toBe(true);
    expect(b).not.toHaveProperty('public');
    expect(c).not.toHaveProperty('public');
    expect(publicPhotosOf(snapshot.context).map((f) => f.fileId)).toEqual(['a']);
    // The mark survives the schema a store reads the snapshot back with.
    expect(messageSchema.parse(snapshot.context).attachments[0]?.public).toBe(true);
  });

  it('shows a marked PNG too, and no photo of a message that is not public', () => {
    const known = files(upload('p', 'image/png'));
    expect(publicPhotosOf(submit([{ fileId: 'p', public: true }], known).context)).toHaveLength(1);
    const hidden = submit([{ fileId: 'p', public: true }], known, false);
    expect(hidden.context.attachments[0]?.public).toBe(true);
    expect(publicPhotosOf(hidden.context)).toEqual([]);
  });

  it('refuses the mark on a photo that is not JPEG or PNG, saying which one', () => {
    expect(PUBLIC_PHOTO_TYPES).toEqual(['image/jpeg', 'image/png']);
    const result = startMessage(
      potholeSubmit({
        isPublic: true,
        attachments: [{ fileId: 'a' }, { fileId: 'h', public: true }],
      }),
      directory,
      files(upload('a'), upload('h', 'image/heic')),
    );
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'invalid_payload') throw new Error('expected a refusal');
    expect(result.error.issues).toEqual([
      {
        path: ['attachments', 1, 'public'],
        message: expect.stringContaining('только фото JPEG или PNG'),
      },
    ]);
    // The same HEIC without the mark is an ordinary attachment.
    const plain = submit([{ fileId: 'h' }], files(upload('h', 'image/heic')));
    expect(plain.context.attachments).toHaveLength(1);
  });

  it('ignores a mark written into a snapshot on a type that may not be public', () => {
    const snapshot = submit([{ fileId: 'a', public: true }], files(upload('a')));
    const forged = {
      ...snapshot.context,
      attachments: snapshot.context.attachments.map((f) => ({ ...f, contentType: 'image/heic' })),
    };
    expect(publicPhotosOf(forged)).toEqual([]);
  });

  it('the mark stays through the workflow', () => {
    const snapshot = submit([{ fileId: 'a', public: true }], files(upload('a')));
    const accepted = applyEvent(
      snapshot,
      { type: 'moderation.accept', by: users.moderator, at: at(1) },
      directory,
    );
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(publicPhotosOf(accepted.snapshot.context).map((f) => f.fileId)).toEqual(['a']);
  });
});
