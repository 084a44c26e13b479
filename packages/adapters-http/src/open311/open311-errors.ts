import { isStoreUnavailable } from '@reshaem/core';
import { type Open311Format, open311Response } from './open311-format.js';

/**
 * A refusal in the specification's form: the HTTP status, and the error array's `code`
 * (the same number) and `description`.
 */
export class Open311Error extends Error {
  override readonly name = 'Open311Error';
  constructor(
    readonly status: 400 | 403 | 404,
    readonly descriptions: readonly string[],
  ) {
    super(descriptions.join('; '));
  }
}

/** A required or malformed parameter: 400. */
export const badRequest = (...descriptions: string[]) => new Open311Error(400, descriptions);
/** An unknown resource (service, request, token, jurisdiction): 404. */
export const notFound = (description: string) => new Open311Error(404, [description]);

/**
 * Any error of an Open311 handler as the error array: the handler's own refusals as they are,
 * a database outage as 503 (retry later), anything else reported through the app's
 * `onUnexpectedError` and answered as 500 without the error's text.
 */
export function open311ErrorResponse(
  error: unknown,
  format: Open311Format,
  report: (error: unknown) => void,
): Response {
  if (error instanceof Open311Error) {
    const body = error.descriptions.map((description) => ({ code: error.status, description }));
    return open311Response(format, 'errors', body, error.status);
  }
  if (isStoreUnavailable(error)) {
    const description = 'the service is unavailable; retry later';
    return open311Response(format, 'errors', [{ code: 503, description }], 503);
  }
  report(error);
  return open311Response(format, 'errors', [{ code: 500, description: 'internal error' }], 500);
}
