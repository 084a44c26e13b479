import { SYSTEM_PRINCIPAL } from '@reshaem/core';
import { describe, expect, it } from 'vitest';
import { POS_EXPORT_COLUMNS } from '../src/index.js';
import { drive, expectProblem, json, potholeBody, world } from './support.js';

const point = { lat: 53.0245, lon: 158.6433 };
const csvLines = async (res: Response) =>
  (await res.text())
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe('a point on a message over HTTP', () => {
  it('takes the point with the submission and shows it in the message and the list', async () => {
    const w = world();
    const id = await drive(w, [], { as: 'applicant', body: potholeBody({ location: point }) });
    const message = await json<{ message: { location: unknown } }>(
      await w.call('GET', `/messages/${id}`, { as: 'applicant' }),
    );
    expect(message.message.location).toEqual(point);
    const list = await json<{ items: { id: string }[] }>(
      await w.call('GET', '/messages?bbox=158.6,53,158.7,53.1', { as: 'applicant' }),
    );
    expect(list.items.map((m) => m.id)).toEqual([id]);
    const none = await json<{ items: unknown[] }>(
      await w.call('GET', '/messages?bbox=48,54,49,55', { as: 'applicant' }),
    );
    expect(none.items).toEqual([]);
  });

  it('refuses a point outside the region with a problem naming the region (422)', async () => {
    const w = world();
    const res = await w.call('POST', '/messages', {
      as: 'applicant',
      body: potholeBody({ location: { lat: 54.3142, lon: 48.4031 } }),
    });
    const problem = await expectProblem(res, 'validation', 422);
    expect(JSON.stringify(problem)).toContain('Камчатский край');
    expect((await w.store.list(SYSTEM_PRINCIPAL, {})).items).toEqual([]);
  });

  it('refuses a malformed box (422)', async () => {
    const w = world();
    for (const bbox of ['1,2,3', '3,0,1,1', 'a,b,c,d', '0,-91,1,1']) {
      const res = await w.call('GET', `/messages?bbox=${encodeURIComponent(bbox)}`, {
        as: 'applicant',
      });
      await expectProblem(res, 'validation', 422);
    }
  });

  it('exports the ПОС format exactly by default, and the place columns when asked', async () => {
    const w = world();
    await drive(w, [], { as: 'applicant', body: potholeBody({ location: point }) });
    await drive(w, [], { as: 'applicant', body: potholeBody({ problemAddress: null }) });
    const plain = await csvLines(
      await w.call('GET', '/messages/export.csv', { as: 'coordinatorGov' }),
    );
    expect(plain[0]).toBe(
      POS_EXPORT_COLUMNS.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','),
    );
    const off = await csvLines(
      await w.call('GET', '/messages/export.csv?location=false', { as: 'coordinatorGov' }),
    );
    expect(off).toEqual(plain);
    const extended = await csvLines(
      await w.call('GET', '/messages/export.csv?location=true&sort=createdAt&direction=asc', {
        as: 'coordinatorGov',
      }),
    );
    expect(extended[0]).toBe(`${plain[0]},Адрес проблемы,Широта,Долгота`);
    expect(
      extended[1]?.endsWith(',"г. Петропавловск-Камчатский, ул. Ленинская, 5",53.0245,158.6433'),
    ).toBe(true);
    expect(extended[2]?.endsWith(',-,-,-')).toBe(true);
    const bad = await w.call('GET', '/messages/export.csv?location=yes', { as: 'coordinatorGov' });
    await expectProblem(bad, 'validation', 422);
  });
});
