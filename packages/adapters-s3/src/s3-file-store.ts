import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { FileStore, NewFile, StoredFile } from '@reshaem/core';

export interface S3FileStoreOptions {
  /** Your S3 client (region, endpoint, credentials): AWS, Yandex Object Storage, MinIO … */
  client: S3Client;
  bucket: string;
  /** Where in the bucket the store keeps its objects, e.g. `reshaem/`. Default ''. */
  prefix?: string;
  /** Bytes per part of a multipart upload (at least 5 MiB, the S3 minimum). Default 5 MiB. */
  partBytes?: number;
}

const MIB = 1024 * 1024;

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey ||
  (error as { name?: string } | null)?.name === 'NoSuchKey' ||
  (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode === 404;

/**
 * A {@link FileStore} on S3-compatible object storage: the bytes of each file in one object
 * (`<prefix>bytes/<id>`), streamed up as a multipart upload of `partBytes` parts (one part
 * in flight, so memory holds about one part), and its descriptor in a small JSON object
 * beside it (`<prefix>files/<id>.json`), written once the bytes are complete — a file
 * without a descriptor does not exist. Listing unattached uploads reads every descriptor:
 * fine for a daily cleanup of thousands, not for millions (keep those in the database and
 * the bytes here).
 *
 * @example
 * import { S3Client } from '@aws-sdk/client-s3';
 * const files = createS3FileStore({
 *   client: new S3Client({ region: 'ru-central1', endpoint: 'https://storage.yandexcloud.net' }),
 *   bucket: 'reshaem-files',
 * });
 */
export function createS3FileStore(options: S3FileStoreOptions): FileStore {
  const { client, bucket } = options;
  const prefix = options.prefix ?? '';
  const partBytes = Math.max(options.partBytes ?? 5 * MIB, 5 * MIB);
  const bytesKey = (id: string) => `${prefix}bytes/${encodeURIComponent(id)}`;
  const metaKey = (id: string) => `${prefix}files/${encodeURIComponent(id)}.json`;

  const readMeta = async (id: string): Promise<StoredFile | undefined> => {
    try {
      const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: metaKey(id) }));
      return JSON.parse((await got.Body?.transformToString('utf-8')) ?? 'null') ?? undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  };
  const writeMeta = (file: StoredFile) =>
    client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: metaKey(file.id),
        Body: JSON.stringify(file),
        ContentType: 'application/json',
      }),
    );
  const remove = (key: string) =>
    client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));

  return {
    async put(file: NewFile, bytes: AsyncIterable<Uint8Array>) {
      if (await readMeta(file.id)) throw new Error(`file ${file.id} exists`);
      const hash = createHash('sha256');
      let size = 0;
      async function* counted() {
        for await (const piece of bytes) {
          hash.update(piece);
          size += piece.byteLength;
          yield piece;
        }
      }
      const upload = new Upload({
        client,
        params: {
          Bucket: bucket,
          Key: bytesKey(file.id),
          Body: Readable.from(counted(), { objectMode: false }),
          ContentType: file.contentType,
        },
        partSize: partBytes,
        queueSize: 1,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        await remove(bytesKey(file.id)).catch(() => undefined);
        throw error;
      }
      const stored: StoredFile = { ...file, size, sha256: hash.digest('hex'), attachedTo: null };
      await writeMeta(stored);
      return stored;
    },

    async describe(ids) {
      const found = await Promise.all([...new Set(ids)].map(readMeta));
      return found.filter((f): f is StoredFile => f !== undefined);
    },

    async get(id) {
      const file = await readMeta(id);
      if (!file) return undefined;
      try {
        const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: bytesKey(id) }));
        const body = got.Body;
        if (!body) return undefined;
        return { file, bytes: body.transformToWebStream() as ReadableStream<Uint8Array> };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async attach(ids, messageId) {
      for (const id of new Set(ids)) {
        const file = await readMeta(id);
        if (file && file.attachedTo === null) await writeMeta({ ...file, attachedTo: messageId });
      }
    },

    async delete(id) {
      const file = await readMeta(id);
      if (!file) return false;
      // The descriptor first: once it is gone the file does not exist, whatever follows.
      await remove(metaKey(id));
      await remove(bytesKey(id));
      return true;
    },

    async unattachedBefore(before, limit) {
      const due: StoredFile[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: `${prefix}files/`,
            ...(token === undefined ? {} : { ContinuationToken: token }),
          }),
        );
        for (const object of page.Contents ?? []) {
          const key = object.Key ?? '';
          const id = decodeURIComponent(key.slice(`${prefix}files/`.length, -'.json'.length));
          const file = await readMeta(id);
          if (file && file.attachedTo === null && file.uploadedAt < before) due.push(file);
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
      due.sort((a, b) =>
        a.uploadedAt < b.uploadedAt ? -1 : a.uploadedAt > b.uploadedAt ? 1 : a.id < b.id ? -1 : 1,
      );
      return due.slice(0, limit);
    },
  };
}
