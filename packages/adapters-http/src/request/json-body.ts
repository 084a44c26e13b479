import type { Principal } from '@reshaem/core';
import type { Context } from 'hono';
import { HttpProblem, problem, validationProblem } from '../problems.js';

const isJsonMediaType = (header: string | undefined): boolean => {
  if (header === undefined) return false;
  const type = header.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
};

/**
 * Reads the body as one JSON object. The size was already capped by the body-limit
 * middleware; this refuses other media types (415), broken JSON (400) and JSON that is not
 * an object (422).
 */
export async function readJsonObject(
  c: Context,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  if (!isJsonMediaType(c.req.header('content-type'))) {
    throw new HttpProblem(
      problem('unsupported-media-type', 'Пришлите тело запроса как application/json'),
      {
        'accept-post': 'application/json',
      },
    );
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw new HttpProblem(problem('malformed-json', 'Тело запроса не удалось прочитать'));
  }
  // A string longer in UTF-16 units than the limit in bytes is certainly over it; the
  // middleware already checked the declared or streamed length, this covers lying headers.
  if (text.length > maxBytes) throw payloadTooLarge(maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpProblem(
      problem('malformed-json', 'Тело запроса — не JSON: проверьте скобки, кавычки и запятые'),
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw validationProblem([{ in: 'body', path: [], message: 'Ожидался JSON-объект' }]);
  }
  return value as Record<string, unknown>;
}

export const payloadTooLarge = (maxBytes: number): HttpProblem =>
  new HttpProblem(
    problem('payload-too-large', `Тело запроса больше допустимого: не больше ${maxBytes} байт`, {
      maxBytes,
    }),
  );

/**
 * The event a handler sends: the request's JSON object stamped with the server's instant and
 * the authenticated caller, whatever the body said about either. The object is stamped in
 * place: it is this request's own, fresh from `JSON.parse`, and copying such an object with
 * a spread is one of the dearer steps of a request on Node 20.
 */
export function stampedEvent(
  body: Record<string, unknown>,
  at: string,
  by: Principal,
): Record<string, unknown> & { at: string; by: Principal } {
  body.at = at;
  body.by = by;
  return body as Record<string, unknown> & { at: string; by: Principal };
}
