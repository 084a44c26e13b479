/**
 * The FileStore contract on S3: a real S3-protocol server (s3rver) on 127.0.0.1, started
 * by the test in a temporary directory and removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';
import { describeFileStoreContract } from '../../core/test/file-store-contract.js';
import { createS3FileStore } from '../src/index.js';

let server: S3rver;
let client: S3Client;
let directory: string;
let bucketNumber = 0;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'reshaem-s3-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  client = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

async function emptyBucket(bucket: string) {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
  const keys = (listed.Contents ?? []).map((o) => ({ Key: o.Key as string }));
  if (keys.length > 0) {
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
}

let previous: string | undefined;
describeFileStoreContract('S3 (s3rver on loopback)', async () => {
  if (previous) await emptyBucket(previous);
  const bucket = `reshaem-files-${++bucketNumber}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  previous = bucket;
  return createS3FileStore({ client, bucket, prefix: 'pos/' });
});
