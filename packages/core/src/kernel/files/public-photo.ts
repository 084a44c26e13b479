import { z } from 'zod';
import { type AttachedFile, fileReferenceSchema } from './file-descriptor.js';

/** The types a public photo may have: what every browser and Open311 client shows. */
export const PUBLIC_PHOTO_TYPES: readonly string[] = Object.freeze(['image/jpeg', 'image/png']);

/**
 * How a submit names a photo: by its upload's id, and `public: true` when the applicant
 * allows it to be shown to the public with the message (JPEG or PNG only).
 */
export const attachmentReferenceSchema = fileReferenceSchema.extend({
  public: z.boolean().optional(),
});
export type AttachmentReference = z.infer<typeof attachmentReferenceSchema>;

/**
 * The photos of a message anyone may see: none unless the message itself is public
 * («в открытом доступе»); of a public one, the attachments the applicant marked public at
 * submit that are JPEG or PNG. Everything else a message holds stays with the people the
 * field rules name.
 *
 * @example
 * publicPhotosOf(stored.snapshot.context).map((f) => f.fileId); // ['f-1']
 */
export function publicPhotosOf(message: {
  isPublic: boolean;
  attachments?: readonly AttachedFile[] | undefined;
}): AttachedFile[] {
  if (!message.isPublic) return [];
  return (message.attachments ?? []).filter(
    (file) => file.public === true && PUBLIC_PHOTO_TYPES.includes(file.contentType),
  );
}
