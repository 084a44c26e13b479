export { createS3FileStore, type S3FileStoreOptions } from './s3-file-store.js';
