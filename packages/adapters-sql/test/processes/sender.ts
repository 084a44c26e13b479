/*
 * A writer process for the lost-updates test: sends ROUNDS events to the messages in
 * MESSAGE_IDS, chosen at random — half with the version it just read as `expectedVersion`,
 * half without, and now and then one the workflow refuses — then prints what the store
 * answered, one JSON line per event.
 */
import { directory, users } from '../../../core/test/helpers.js';
import { createPostgresKysely, createSqlStore } from '../../src/index.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const sender = env('SENDER');
const ids = env('MESSAGE_IDS').split(',');
const rounds = Number(env('ROUNDS'));
const db = createPostgresKysely({
  connectionString: env('DATABASE_URL'),
  searchPath: env('SCHEMA'),
  max: 2,
});
const store = await createSqlStore({ directory, db });
console.log('ready');
const lines: string[] = [];
for (let i = 0; i < rounds; i++) {
  const messageId = ids[Math.floor(Math.random() * ids.length)] ?? '';
  const tag = `${sender}-${i}`;
  const guarded = Math.random() < 0.5;
  const refusedByRules = Math.random() < 0.1;
  const event = refusedByRules
    ? // An applicant may not rate a message still in coordination.
      { type: 'rating.submit', by: users.applicant, at: new Date().toISOString(), score: 5 }
    : {
        type: 'registration.update',
        by: users.coordinatorUlyRoads,
        at: new Date().toISOString(),
        registrationNumber: tag,
      };
  const version = guarded ? (await store.get(messageId))?.version : undefined;
  const result = await store.send(
    messageId,
    event,
    version === undefined ? {} : { expectedVersion: version },
  );
  lines.push(
    JSON.stringify(
      result.ok
        ? { tag, messageId, guarded, ok: true, version: result.message.version }
        : { tag, messageId, guarded, ok: false, kind: result.error.kind },
    ),
  );
}
await store.close();
await db.destroy();
console.log(lines.join('\n'));
console.log('done');
