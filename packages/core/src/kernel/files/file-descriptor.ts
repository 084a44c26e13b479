import { z } from 'zod';
import { idSchema, instantSchema, storableString } from '../schemas/primitives.js';

/** A file as people and clients see it: what `POST /files` answers and views list. */
export const fileDescriptorSchema = z.object({
  id: idSchema,
  /** The name as stored: what people see and what a download is saved as. */
  name: storableString().min(1).max(255),
  /** Bytes. */
  size: z.int().min(0),
  /** The type detected from the bytes, never the client's word for it. */
  contentType: storableString().min(1).max(200),
  /** Hex SHA-256 of the bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileDescriptor = z.infer<typeof fileDescriptorSchema>;

/**
 * A file a store keeps: the descriptor, who uploaded it when, and the message it belongs
 * to (`null` while it is a fresh upload attached to nothing).
 */
export interface StoredFile extends FileDescriptor {
  uploadedBy: string;
  uploadedAt: string;
  attachedTo: string | null;
}

/** How an event names an upload: by its id alone; the rest comes from the store. */
export const fileReferenceSchema = z.object({ fileId: idSchema });
export type FileReference = z.infer<typeof fileReferenceSchema>;

/**
 * A file as a message keeps it once attached: the reference and a copy of the descriptor,
 * so that views list it without asking the file store.
 */
export const attachedFileSchema = z.object({
  fileId: idSchema,
  name: storableString().min(1).max(255),
  size: z.int().min(0),
  contentType: storableString().min(1).max(200),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedAt: instantSchema,
  /**
   * The applicant allowed this photo to be shown to the public (`publicPhotosOf`). Absent
   * unless allowed — never written as `false` — so snapshots stored before it read, and
   * hash, exactly as they did.
   */
  public: z.literal(true).optional(),
});
export type AttachedFile = z.infer<typeof attachedFileSchema>;

/** The attached form of a stored file. */
export const attachedFileOf = (file: StoredFile): AttachedFile => ({
  fileId: file.id,
  name: file.name,
  size: file.size,
  contentType: file.contentType,
  sha256: file.sha256,
  uploadedAt: file.uploadedAt,
});

/** The public descriptor of a stored file (without uploader and attachment). */
export const descriptorOf = (file: StoredFile): FileDescriptor => ({
  id: file.id,
  name: file.name,
  size: file.size,
  contentType: file.contentType,
  sha256: file.sha256,
});
