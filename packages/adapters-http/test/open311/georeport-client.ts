/**
 * A GeoReport v2 client written from the specification (https://wiki.open311.org/GeoReport_v2),
 * not from the server: the resource names, parameters, element names and error form as the
 * specification states them. It reads JSON and XML alike into one shape (XML values are
 * text, so both are compared as text), and checks every XML response is well-formed,
 * declares UTF-8 and uses only the specification's element names.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

export type Format = 'json' | 'xml';
type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** The specification's elements, by the response they appear in. */
export const SPEC_ELEMENTS = {
  discovery: ['changeset', 'contact', 'key_service', 'endpoints'],
  endpoint: ['specification', 'url', 'changeset', 'type', 'formats'],
  service: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  service_definition: ['service_code', 'attributes'],
  attribute: [
    'variable',
    'code',
    'datatype',
    'required',
    'datatype_description',
    'order',
    'description',
    'values',
  ],
  value: ['key', 'name'],
  created: ['service_request_id', 'service_notice', 'account_id'],
  token: ['service_request_id', 'token'],
  request: [
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
    'lat',
    'long',
    'media_url',
  ],
  error: ['code', 'description'],
} as const;

/** Elements that the specification repeats inside their list element. */
const REPEATED = new Set([
  'endpoint',
  'format',
  'service',
  'attribute',
  'value',
  'request',
  'error',
]);
/** The list elements and the item each holds. */
const LISTS: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
};
const ALL_ELEMENTS = new Set<string>([
  ...Object.values(SPEC_ELEMENTS).flat(),
  ...Object.keys(LISTS),
  ...Object.values(LISTS),
  'discovery',
  'service_definition',
]);

const parser = new XMLParser({
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => REPEATED.has(name),
});

export type Value = string | Value[] | { [key: string]: Value };

/** JSON as text, the way XML carries it: numbers and booleans written, null as ''. */
function asText(value: unknown): Value {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  }
  return String(value);
}

/** XML's tree with each list element replaced by its items, so it reads like the JSON. */
function unwrap(value: unknown): Value {
  if (value === '' || value === undefined) return '';
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) return value.map(unwrap);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => {
      const item = LISTS[k];
      if (item === undefined) return [k, unwrap(v)];
      const inner = v === '' ? [] : ((v as Record<string, unknown>)[item] ?? []);
      return [k, unwrap(inner)];
    }),
  );
}

function elementNames(tree: unknown, out = new Set<string>()): Set<string> {
  if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) {
      if (!k.startsWith('?')) out.add(k);
      if (Array.isArray(v)) for (const x of v) elementNames(x, out);
      else elementNames(v, out);
    }
  }
  return out;
}

export interface Answer {
  status: number;
  contentType: string;
  /** The body in the JSON shape, as text values; for XML the root element's content. */
  body: Value;
  /** XML only: the root element's name. */
  root?: string;
  raw: string;
}

/** Reads a GeoReport response in either format, checking the XML. */
export async function readAnswer(response: Response, format: Format): Promise<Answer> {
  const raw = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  if (format === 'json') {
    expect(contentType).toMatch(/^application\/json/);
    return { status: response.status, contentType, body: asText(JSON.parse(raw)), raw };
  }
  expect(contentType).toMatch(/^text\/xml/);
  expect(raw.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(raw)).toBe(true);
  const tree = parser.parse(raw) as Record<string, unknown>;
  const roots = Object.keys(tree).filter((k) => !k.startsWith('?'));
  expect(roots).toHaveLength(1);
  const root = roots[0] as string;
  for (const name of elementNames(tree)) expect(ALL_ELEMENTS, name).toContain(name);
  const content = unwrap({ [root]: tree[root] }) as Record<string, Value>;
  return { status: response.status, contentType, body: content[root] as Value, root, raw };
}

/** The client: one method per resource of the specification. */
export function georeport(fetch: Fetch, base: string) {
  const get = async (resource: string, format: Format, params: Record<string, string> = {}) => {
    const query = new URLSearchParams(params).toString();
    return readAnswer(
      await fetch(`${base}/${resource}.${format}${query ? `?${query}` : ''}`),
      format,
    );
  };
  return {
    discovery: (format: Format) => get('discovery', format),
    services: (format: Format, params?: Record<string, string>) => get('services', format, params),
    serviceDefinition: (code: string, format: Format) =>
      get(`services/${encodeURIComponent(code)}`, format),
    requests: (format: Format, params?: Record<string, string>) => get('requests', format, params),
    request: (id: string, format: Format) => get(`requests/${encodeURIComponent(id)}`, format),
    token: (token: string, format: Format) => get(`tokens/${encodeURIComponent(token)}`, format),
    async postRequest(format: Format, fields: Record<string, string>) {
      const response = await fetch(`${base}/requests.${format}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
      return readAnswer(response, format);
    },
  };
}

/** An error answer: the status, and the error array whose codes repeat it. */
export function expectErrors(answer: Answer, status: number): string[] {
  expect(answer.status, answer.raw).toBe(status);
  if (answer.root !== undefined) expect(answer.root).toBe('errors');
  const errors = answer.body as { code: string; description: string }[];
  expect(Array.isArray(errors)).toBe(true);
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(Object.keys(e).sort()).toEqual([...SPEC_ELEMENTS.error].sort());
    expect(e.code).toBe(String(status));
    expect(e.description.length).toBeGreaterThan(0);
  }
  return errors.map((e) => e.description);
}
