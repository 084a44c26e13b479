import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/index.js';
import { json, potholeBody } from '../support.js';
import { fileWorld, jpegBytes } from './fixtures.js';

interface Operation {
  requestBody: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

describe('OpenAPI with a file store', () => {
  it('describes the multipart upload and the binary download, and the app serves both', async () => {
    const w = fileWorld();
    const doc = await json<OpenApiDocument>(await w.call('GET', '/openapi.json'));
    const upload = doc.paths['/files']?.post as unknown as Operation;
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(upload.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '413',
      '415',
      '422',
      '503',
    ]);
    const download = doc.paths['/files/{id}']?.get as unknown as Operation;
    expect(Object.keys(download.responses['200']?.content ?? {})).toEqual([
      'application/octet-stream',
    ]);
    const routes = w.app.routes.map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining(['POST /files', 'GET /files/:id']));

    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'https://reshaem.test/openapi.json', components: doc.components });
    const valid = (schema: string, value: unknown) => {
      const validate = ajv.getSchema(
        `https://reshaem.test/openapi.json#/components/schemas/${schema}`,
      );
      expect(validate?.(value), JSON.stringify(validate?.errors)).toBe(true);
    };
    const uploaded = await w.upload('applicant', [{ filename: 'a.jpg', bytes: jpegBytes() }]);
    const body = await json<{ files: { id: string }[] }>(uploaded);
    valid('UploadedFiles', body);
    const created = await w.call('POST', '/messages', {
      as: 'applicant',
      body: potholeBody({ attachments: [{ fileId: body.files[0]?.id }] }),
    });
    valid('MessageView', await json(created));
  });
});
