import type { MessageStore, Principal } from '@reshaem/core';
import { drive, potholeBody, type TestWorld, toAnswerSent, world } from '../support.js';
import { georeport } from './georeport-client.js';

/** The integration partner of the tests, and its key. */
export const API_KEY = 'key-dnevnik-7f3a';
export const partner: Principal = {
  id: 'partner-dnevnik',
  name: 'Дневник ЕПГУ',
  roles: [{ role: 'system' }],
};
/** A partner whose principal may not submit (no system role). */
export const WEAK_KEY = 'key-weak';

export const BASE = '/open311/v2';
export const POINT = { lat: 53.0245, lon: 158.6433 };

/** An app with Open311 mounted, three messages and the client. */
export async function open311World(prefix?: string, store?: MessageStore) {
  const w: TestWorld = world({
    ...(store === undefined ? {} : { store }),
    open311: {
      ...(prefix === undefined ? {} : { prefix }),
      contact: 'open311@kamgov.example',
      keyService: 'https://kamgov.example/open311-keys',
      partnerOf: (key) =>
        key === API_KEY
          ? { principal: partner, name: 'Дневник ЕПГУ' }
          : key === WEAK_KEY
            ? { principal: { id: 'weak', roles: [{ role: 'applicant' }] }, name: 'Слабый' }
            : null,
    },
  });
  // Public, with a point, answered and completed (rated 5).
  const closed = await drive(
    w,
    [...toAnswerSent, { as: 'applicant', event: { type: 'rating.submit', score: 5 } }],
    { as: 'applicant', body: potholeBody({ isPublic: true, location: POINT }) },
  );
  w.clock.advance(60);
  // Public, open, without a point.
  const open = await drive(w, [], { as: 'applicant', body: potholeBody({ isPublic: true }) });
  w.clock.advance(60);
  // Not public: never in a read.
  const hidden = await drive(w, [], {
    as: 'applicant',
    body: potholeBody({
      text: 'Секретная яма у дома 7',
      applicant: {
        name: 'Тайный Заявитель',
        email: 'secret@example.ru',
        phone: '+7 900 111-22-33',
      },
    }),
  });
  const client = georeport(
    (path, init) => Promise.resolve(w.app.request(path, init)),
    prefix ?? BASE,
  );
  return { w, client, closed, open, hidden };
}
