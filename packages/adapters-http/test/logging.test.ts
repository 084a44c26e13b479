/**
 * Logs never carry applicant data. A real database error — PGlite refusing the message row,
 * its parameters and "Failing row contains (…)" detail holding the whole snapshot — goes
 * through the default `onUnexpectedError` into pino, captured from a destination stream.
 */
import { Writable } from 'node:stream';
import { createSqlStore, type SqlStore } from '@reshaem/adapters-sql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseNewRows } from '../../adapters-sql/test/refuse-rows.js';
import { createHttpLogger, type HttpLogger } from '../src/index.js';
import { directory, expectProblem, potholeBody, world } from './support.js';

const applicant = {
  name: 'Громова Алевтина Сергеевна',
  email: 'gromova.alevtina@example.ru',
  phone: '+7 914 555-12-34',
  residenceAddress: 'г. Петропавловск-Камчатский, ул. Тундровая, 17',
};
/** Where the applicant stood: as personal as the address, so never in a log line. */
const location = { lat: 53.0431, lon: 158.6527 };
const secrets = [
  applicant.name,
  applicant.email,
  applicant.phone,
  'Тундровая',
  '53.0431',
  '158.6527',
];

/** A pino destination that keeps every line written to it. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('unexpected errors are logged without applicant data', () => {
  let store: SqlStore;
  beforeAll(async () => {
    store = await createSqlStore({ directory });
    // Every new message row is refused by the database itself, with the row in the error.
    await refuseNewRows(store.db, 'messages');
  }, 120_000);
  afterAll(() => store.close());

  /** Submits a message from the applicant above; the store fails with a real pg error. */
  async function failingSubmit(logger: HttpLogger) {
    // No onUnexpectedError: the default one, writing to `logger`.
    const w = world({ store, logger, onUnexpectedError: undefined });
    const body = potholeBody({
      applicant,
      location,
      text: 'Яма у дома 17, телефон для связи +7 914 555-12-34',
    });
    const res = await w.call('POST', '/messages?name=Громова&phone=79145551234', {
      as: 'applicant',
      body,
      headers: { 'x-request-id': 'req-42' },
    });
    await expectProblem(res, 'internal', 500);
  }

  it('the error the store throws does carry the applicant (so the test is real)', async () => {
    const thrown: unknown[] = [];
    const w = world({ store, onUnexpectedError: (error) => thrown.push(error) });
    const res = await w.call('POST', '/messages', {
      as: 'applicant',
      body: potholeBody({ applicant, location }),
    });
    await expectProblem(res, 'internal', 500);
    const error = thrown[0] as Error & { params?: unknown[] };
    expect(JSON.stringify(error.params)).toContain(applicant.email);
    expect(JSON.stringify(error.params)).toContain(String(location.lat));
  });

  it('the default logger records the request and the error, and no applicant field', async () => {
    const { stream, lines } = capture();
    await failingSubmit(createHttpLogger(stream));
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '{}');
    expect(record).toMatchObject({
      level: 50,
      name: 'reshaem',
      msg: 'reshaem: unexpected error',
      req: { method: 'POST', path: '/messages', id: 'req-42' },
      err: { name: expect.any(String), message: expect.stringContaining('refuse_rows') },
    });
    expect(record.err.stack).toEqual(expect.any(String));
    for (const secret of secrets) expect(lines[0]).not.toContain(secret);
    expect(lines[0]).not.toContain('79145551234');
    expect(record.err).not.toHaveProperty('params');
    expect(record.err).not.toHaveProperty('detail');
  });

  it('a plain pino of your own, without redaction, gets no applicant data either', async () => {
    const { stream, lines } = capture();
    await failingSubmit(pino({}, stream));
    expect(lines).toHaveLength(1);
    for (const secret of secrets) expect(lines[0]).not.toContain(secret);
  });

  it('the default logger censors applicant fields a record should never have carried', () => {
    const { stream, lines } = capture();
    createHttpLogger(stream).error(
      { applicant, err: { params: [applicant.email], detail: applicant.phone }, email: 'x@y.ru' },
      'careless',
    );
    for (const secret of [...secrets, 'x@y.ru']) expect(lines[0]).not.toContain(secret);
    expect(lines[0]).toContain('[redacted]');
  });

  it('the default logger censors a point on the map at the top and one level down', () => {
    const { stream, lines } = capture();
    createHttpLogger(stream).error(
      { location, message: { location, problemAddress: 'ул. Тундровая, 17' }, req: { location } },
      'careless',
    );
    const record = JSON.parse(lines[0] ?? '{}');
    expect(record.location).toBe('[redacted]');
    expect(record.message.location).toBe('[redacted]');
    expect(record.req.location).toBe('[redacted]');
    for (const secret of secrets) expect(lines[0]).not.toContain(secret);
  });
});
