import XMLBuilder from 'fast-xml-builder';

/** The two formats of GeoReport v2, named by the resource's extension. */
export type Open311Format = 'json' | 'xml';

/** A value of a GeoReport response: JSON's, where `null` is an empty XML element. */
export type Open311Value =
  | string
  | number
  | boolean
  | null
  | Open311Value[]
  | { [key: string]: Open311Value };

/** The element name of one item of each list the specification defines. */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  service_requests: 'request',
  services: 'service',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

/** A JSON value as the XML tree of the specification: lists wrapped in their item elements. */
function xmlTree(value: Open311Value, itemName?: string): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) {
    if (itemName === undefined) throw new Error('a list needs an item element name');
    return { [itemName]: value.map((v) => xmlTree(v)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, xmlTree(v, ITEM_NAMES[k])]),
    );
  }
  return value;
}

/**
 * A GeoReport response body in JSON, or in XML under its root element (`services`,
 * `service_requests`, `errors`, …) with the UTF-8 declaration the specification asks for.
 * A root list (`services`) becomes the root element holding one element per item.
 *
 * @example
 * open311Body('xml', 'errors', [{ code: 404, description: 'no such service' }]);
 * // '<?xml version="1.0" encoding="utf-8"?><errors><error><code>404</code>…'
 */
export function open311Body(format: Open311Format, root: string, value: Open311Value): string {
  if (format === 'json') return JSON.stringify(value);
  const tree = Array.isArray(value) ? xmlTree(value, ITEM_NAMES[root]) : xmlTree(value);
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: tree })}`;
}

const CONTENT_TYPES: Readonly<Record<Open311Format, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** A GeoReport response. */
export function open311Response(
  format: Open311Format,
  root: string,
  value: Open311Value,
  status = 200,
): Response {
  return new Response(open311Body(format, root, value), {
    status,
    headers: { 'content-type': CONTENT_TYPES[format], 'cache-control': 'no-store' },
  });
}

/** `services.json` → `['services', 'json']`; a name without a known extension → undefined. */
export function splitFormat(file: string): [name: string, format: Open311Format] | undefined {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? [match[1] as string, match[2] as Open311Format] : undefined;
}
