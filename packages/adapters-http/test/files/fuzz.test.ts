import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileWorld, jpegBytes, multipart, pdfBytes } from './fixtures.js';

const w = fileWorld({ fileBytes: 50_000 }, { requestBytes: 120_000, filesPerRequest: 3 });

/** Pieces a multipart body is made of, well-formed or not, to be shuffled and cut. */
const piece = fc.oneof(
  fc.constantFrom(
    '--B\r\n',
    '--B--\r\n',
    '\r\n',
    'Content-Disposition: form-data; name="file"; filename="a.jpg"\r\n',
    'Content-Disposition: form-data; name="file"; filename*=UTF-8\'\'%D1%8F%00.pdf\r\n',
    'Content-Disposition: form-data; name="file"\r\n',
    'Content-Disposition: form-data; name="x"\r\n',
    'Content-Disposition: attachment\r\n',
    'Content-Type: image/jpeg\r\n',
    'Content-Type: multipart/mixed; boundary=C\r\n',
    '--C\r\n',
    'Content-Transfer-Encoding: base64\r\n',
  ),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
);

const contentTypes = fc.constantFrom(
  'multipart/form-data; boundary=B',
  'multipart/form-data; boundary="B"',
  'multipart/form-data; boundary=',
  'multipart/form-data',
  'multipart/form-data; boundary=B; charset=utf-16',
  'application/json',
  '',
);

describe('POST /files with fuzzed bodies', () => {
  it('never answers 5xx to a malformed or odd multipart body (300 bodies)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 30 }),
        contentTypes,
        fc.constantFrom(undefined, jpegBytes(2000), pdfBytes(60_000)),
        async (pieces, contentType, file) => {
          const chunks = pieces.map((p) => Buffer.from(p, 'latin1'));
          if (file) {
            const wellFormed = multipart([{ filename: 'ф.jpg', bytes: file }], 'B').body;
            chunks.splice(chunks.length >> 1, 0, wellFormed);
          }
          const response = await w.app.request('/files', {
            method: 'POST',
            headers: { authorization: 'Bearer applicant', 'content-type': contentType },
            body: Buffer.concat(chunks),
          });
          expect(response.status, await response.clone().text()).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toBe('application/problem+json');
          }
          await response.arrayBuffer();
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never answers 5xx to a well-formed body cut anywhere', async () => {
    const { body, contentType } = multipart(
      [
        { filename: 'a.jpg', bytes: jpegBytes(3000) },
        { filename: 'b.pdf', bytes: pdfBytes(3000) },
      ],
      'B',
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: body.byteLength }), async (cut) => {
        const response = await w.app.request('/files', {
          method: 'POST',
          headers: { authorization: 'Bearer applicant', 'content-type': contentType },
          body: body.subarray(0, cut),
        });
        expect(response.status).toBeLessThan(500);
        await response.arrayBuffer();
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
