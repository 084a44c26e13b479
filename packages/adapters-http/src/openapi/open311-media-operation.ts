import type { Paths } from './operations.js';

/**
 * `GET {prefix}/media/{id}/{fileId}`, the public photo behind `media_url`: documented when
 * the app keeps files (without a file store there is no such route).
 */
export function open311MediaPath(prefix: string): Paths {
  const id = (name: string, description: string) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description,
  });
  return {
    [`${prefix}/media/{id}/{fileId}`]: {
      get: {
        operationId: 'open311Media',
        tags: ['open311'],
        security: [],
        summary: 'Open311 public photo (`media_url`)',
        description:
          'The bytes of a photo the applicant allowed to be public (JPEG or PNG), of a message that is public, to anyone: `Cache-Control: public, max-age=3600`, a strong `ETag` (304 on `If-None-Match`), `X-Content-Type-Options: nosniff`. Any other file — another attachment, a photo of a message that is not public, an upload attached to nothing — is the same 404.',
        parameters: [
          id('id', 'The `service_request_id`'),
          id('fileId', 'The photo’s file id, as `media_url` names it'),
        ],
        responses: {
          '200': {
            description: 'The photo',
            content: {
              'image/jpeg': { schema: { type: 'string', format: 'binary' } },
              'image/png': { schema: { type: 'string', format: 'binary' } },
            },
          },
          '304': { description: 'Not modified (`If-None-Match` matched the `ETag`)' },
          '404': {
            description: "The specification's error array (`code` 404)",
            content: {
              'application/json': {
                schema: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['code', 'description'],
                    properties: { code: { type: 'integer' }, description: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
