import { type DestinationStream, pino } from 'pino';

/**
 * Where the app reports what went wrong: any logger with pino's `error(object, message)`
 * shape — your own pino instance (or a child of it), or an adapter over another logger.
 * Typed by shape, so pino need not be the same copy or version as the app's.
 */
export interface HttpLogger {
  error(object: Record<string, unknown>, message: string): void;
}

/**
 * Fields that hold an applicant's data wherever they occur one or two levels deep (the
 * point on the map, `location`, as much as the address: it says where someone stood):
 * censored by the default logger should a record ever carry one (it is built from
 * request and error metadata only; this is the second line of defence).
 */
export const REDACTED_PATHS: readonly string[] = [
  'params',
  'parameters',
  'detail',
  'body',
  'snapshot',
  'applicant',
  'email',
  'phone',
  'residenceAddress',
  'problemAddress',
  'location',
  'text',
  '*.params',
  '*.parameters',
  '*.detail',
  '*.body',
  '*.snapshot',
  '*.applicant',
  '*.email',
  '*.phone',
  '*.residenceAddress',
  '*.problemAddress',
  '*.location',
  '*.text',
  'req.headers.authorization',
  'req.headers.cookie',
];

/**
 * The default sink of `createHttpApp`: pino, one JSON line per record, with
 * {@link REDACTED_PATHS} censored. Writes to stderr unless given a destination.
 *
 * @example
 * import { createHttpApp, createHttpLogger } from '@reshaem/adapters-http';
 * import { pino } from 'pino';
 *
 * // The default, explicitly, writing to a file instead of stderr:
 * createHttpApp({ store, authenticate, logger: createHttpLogger(pino.destination('/var/log/reshaem.log')) });
 */
export function createHttpLogger(destination?: DestinationStream): HttpLogger {
  return pino(
    {
      name: 'reshaem',
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    destination ?? pino.destination(2),
  );
}
