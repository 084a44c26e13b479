import type { JsonSchema } from './components.js';
import { schemaRef } from './components.js';
import { type Paths, problems } from './operations.js';

const fileDescriptor: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'size', 'contentType', 'sha256', 'downloadUrl'],
  properties: {
    id: {
      type: 'string',
      description: 'Name it as `{ fileId }` in a submit’s attachments or an answer’s files',
    },
    name: {
      type: 'string',
      maxLength: 255,
      description: 'The cleaned name: last path segment, no control characters',
    },
    size: { type: 'integer', minimum: 0 },
    contentType: {
      type: 'string',
      description: 'Detected from the bytes, not from the name or the part’s header',
    },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    downloadUrl: { type: 'string' },
  },
};

/** The schemas of the file operations. */
export function fileComponentSchemas(): Record<string, JsonSchema> {
  return {
    FileDescriptor: fileDescriptor,
    UploadedFiles: {
      type: 'object',
      required: ['files'],
      properties: { files: { type: 'array', items: schemaRef('FileDescriptor') } },
    },
    FileUpload: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'array',
          items: { type: 'string', contentMediaType: 'application/octet-stream' },
          description: 'One part named `file` per file, each with a file name',
        },
      },
    },
  };
}

/** POST /files and GET /files/{id}, present when the app has a file store. */
export function filePaths(): Paths {
  return {
    '/files': {
      post: {
        operationId: 'uploadFiles',
        tags: ['files'],
        summary: 'Upload files (streamed multipart), to attach to a submit or an answer',
        description:
          'A `multipart/form-data` body with one or more `file` parts. The type of each is detected from its bytes; a type no field accepts is refused with 415 (`detectedType`). Past the size of a file, the total of the request or the number of files the upload is refused with 413 at once, and nothing of it is kept. A fresh upload belongs to its uploader and is attached to nothing until a submit or an answer names it; unattached uploads are removed after a while.',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: schemaRef('FileUpload'),
              encoding: { file: { contentType: 'application/octet-stream' } },
            },
          },
        },
        responses: {
          '201': {
            description: 'One descriptor per file, in the order of the parts',
            content: { 'application/json': { schema: schemaRef('UploadedFiles') } },
          },
          ...problems(
            'bad-request',
            'unauthenticated',
            'payload-too-large',
            'unsupported-media-type',
            'validation',
          ),
        },
      },
    },
    '/files/{id}': {
      get: {
        operationId: 'downloadFile',
        tags: ['files'],
        summary: 'Download a file',
        description:
          'The bytes with the stored `Content-Type`, `Content-Length`, a strong `ETag`, `Content-Disposition: attachment` (the name as RFC 8187 `filename*`) and `X-Content-Type-Options: nosniff`. A fresh upload is its uploader’s; an attached file follows the field rules of its message (the applicant: their attachments and an approved answer’s files) or card (whoever sees its resolution). Anyone else gets 404.',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
          {
            name: 'disposition',
            in: 'query',
            required: false,
            description:
              '`inline` for a preview: honoured for JPEG and PNG only (`Content-Disposition: inline`); every other type stays an attachment',
            schema: { type: 'string', enum: ['attachment', 'inline'] },
          },
        ],
        responses: {
          '200': {
            description: 'The file',
            headers: {
              ETag: { schema: { type: 'string' } },
              'Content-Disposition': { schema: { type: 'string' } },
            },
            content: {
              'application/octet-stream': {
                schema: { type: 'string', contentMediaType: 'application/octet-stream' },
              },
            },
          },
          '304': { description: 'Not modified since the given ETag' },
          ...problems('unauthenticated', 'not-found'),
        },
      },
    },
  };
}
