import { describe, expect, it } from 'vitest';
import type { Format } from './georeport-client.js';
import { API_KEY, BASE, open311World } from './setup.js';

const formats: Format[] = ['json', 'xml'];
/** Whatever names the applicants: their names, e-mail addresses, phones, user ids. */
const personal = [
  'Иванов',
  'ivanov@example.ru',
  'app-ivanov',
  'Тайный',
  'secret@example.ru',
  '111-22-33',
  'Сидоров',
  'sidorov@example.ru',
  '+7 902',
];

describe.each(formats)('Open311 privacy in %s', (format) => {
  it('reads show public messages only, and nothing of any applicant', async () => {
    const { w, client, closed, open, hidden } = await open311World();
    const posted = await client.postRequest(format, {
      api_key: API_KEY,
      service_code: 'potholes',
      lat: '53.05',
      long: '158.65',
      first_name: 'Сидоров',
      email: 'sidorov@example.ru',
      phone: '+7 902 000-00-00',
      description: 'Яма у остановки',
      'attribute[is_public]': 'true',
    });
    expect(posted.status).toBe(201);
    const hiddenText = (await w.store.get(hidden))?.snapshot.context.text as string;
    const reads = [
      `requests.${format}`,
      `requests.${format}?status=open,closed`,
      `requests.${format}?service_request_id=${closed},${open},${hidden}`,
      `requests/${closed}.${format}`,
      `requests/${open}.${format}`,
      `requests/${hidden}.${format}`,
      `tokens/${hidden}.${format}`,
      `services.${format}`,
      `discovery.${format}`,
    ];
    for (const path of reads) {
      const text = await (await w.app.request(`${BASE}/${path}`)).text();
      for (const word of [...personal, hidden, hiddenText]) {
        expect(text.includes(word), `${path} shows ${word}`).toBe(false);
      }
    }
    // The POST answer itself tells the partner the id and number, nothing of the person.
    for (const word of personal) expect(posted.raw.includes(word)).toBe(false);
  });
});
