import type { Paths } from './operations.js';

const FORMATS = { json: 'application/json', xml: 'text/xml' } as const;
type Format = keyof typeof FORMATS;

const errorsSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['code', 'description'],
    properties: { code: { type: 'integer' }, description: { type: 'string' } },
  },
};

/** The body in one format: JSON with its schema, XML as text under the specification's root. */
const body = (format: Format, schema: Record<string, unknown>, root: string) =>
  format === 'json'
    ? { [FORMATS.json]: { schema } }
    : {
        [FORMATS.xml]: {
          schema: { type: 'string', description: `XML, root element \`<${root}>\`` },
        },
      };

const errors = (format: Format, statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: `The specification's error array (\`code\` ${status} and a \`description\`)`,
        content: body(format, errorsSchema, 'errors'),
      },
    ]),
  );

const query = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string' },
  description,
});
const jurisdiction = query('jurisdiction_id', 'A region code the endpoint serves (`41`, `73`)');
const file = (description: string) => ({
  name: 'file',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^.+\\.(json|xml)$' },
  description,
});

const request = {
  type: 'object',
  properties: Object.fromEntries(
    [
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'media_url',
    ].map((k) => [k, { type: ['string', 'null'] }]),
  ),
};
request.properties.lat = { type: ['number', 'null'] };
request.properties.long = { type: ['number', 'null'] };
const requests = { type: 'array', items: request };
const anyObject = { type: 'object' };
const anyArray = { type: 'array', items: { type: 'object' } };

const Name = (format: Format) => (format === 'json' ? 'Json' : 'Xml');

/**
 * The Open311 GeoReport v2 operations under `prefix` (docs/open311.md): one operation per
 * resource and format, as the app registers them. No bearer token: reads are public, and
 * POST requests authenticates with its `api_key` field.
 */
export function open311Paths(prefix: string): Paths {
  const out: Paths = {};
  const op = (path: string, method: 'get' | 'post', operation: Record<string, unknown>) => {
    out[`${prefix}${path}`] = { ...out[`${prefix}${path}`], [method]: operation };
  };
  for (const format of ['json', 'xml'] as const) {
    const N = Name(format);
    op(`/discovery.${format}`, 'get', {
      operationId: `open311Discovery${N}`,
      tags: ['open311'],
      security: [],
      summary: `Open311 service discovery (${format})`,
      responses: {
        '200': { description: 'The endpoint', content: body(format, anyObject, 'discovery') },
      },
    });
    op(`/services.${format}`, 'get', {
      operationId: `open311Services${N}`,
      tags: ['open311'],
      security: [],
      summary: `Open311 services: one per subcategory (${format})`,
      parameters: [jurisdiction],
      responses: {
        '200': { description: 'The services', content: body(format, anyArray, 'services') },
        ...errors(format, [400, 404]),
      },
    });
    op(`/requests.${format}`, 'get', {
      operationId: `open311Requests${N}`,
      tags: ['open311'],
      security: [],
      summary: `Open311 service requests: public messages only (${format})`,
      parameters: [
        query('service_request_id', 'Ids, comma-separated; overrides every other parameter'),
        query('service_code', 'Services, comma-separated'),
        query('start_date', 'W3C date and time with its zone'),
        query('end_date', 'W3C date and time with its zone; at most 90 days after start_date'),
        query('status', '`open`, `closed`, or both comma-separated'),
        jurisdiction,
      ],
      responses: {
        '200': {
          description: 'The requests, newest first',
          content: body(format, requests, 'service_requests'),
        },
        ...errors(format, [400, 404]),
      },
    });
    op(`/requests.${format}`, 'post', {
      operationId: `open311PostRequest${N}`,
      tags: ['open311'],
      security: [],
      summary: `Open311: an integration partner submits a request (${format})`,
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['api_key', 'service_code', 'description'],
              properties: Object.fromEntries(
                [
                  'api_key',
                  'jurisdiction_id',
                  'service_code',
                  'lat',
                  'long',
                  'address_string',
                  'email',
                  'first_name',
                  'last_name',
                  'phone',
                  'description',
                  'attribute[fact]',
                  'attribute[is_public]',
                ].map((k) => [k, { type: 'string' }]),
              ),
            },
          },
        },
      },
      responses: {
        '201': {
          description: 'The new request (realtime)',
          content: body(format, anyArray, 'service_requests'),
        },
        ...errors(format, [400, 403, 404]),
        '413': { description: 'The form is too large (a problem, as everywhere in the API)' },
      },
    });
  }
  const byFile = (path: string, id: string, summary: string, what: string, root: string) =>
    op(path, 'get', {
      operationId: id,
      tags: ['open311'],
      security: [],
      summary,
      parameters: [file(what), jurisdiction],
      responses: {
        '200': {
          description: summary,
          content: { ...body('json', anyObject, root), ...body('xml', anyObject, root) },
        },
        ...Object.fromEntries(
          [400, 404].map((s) => [
            String(s),
            {
              description: `The specification's error array (\`code\` ${s})`,
              content: {
                ...body('json', errorsSchema, 'errors'),
                ...body('xml', errorsSchema, 'errors'),
              },
            },
          ]),
        ),
      },
    });
  byFile(
    '/services/{file}',
    'open311ServiceDefinition',
    'Open311 service definition: its attributes',
    '`{service_code}.json` or `{service_code}.xml`',
    'service_definition',
  );
  byFile(
    '/requests/{file}',
    'open311Request',
    'Open311 one public request',
    '`{service_request_id}.json` or `.xml`',
    'service_requests',
  );
  byFile(
    '/tokens/{file}',
    'open311Token',
    'Open311 token: the request it became (its id)',
    '`{token}.json` or `.xml`',
    'service_requests',
  );
  return out;
}
