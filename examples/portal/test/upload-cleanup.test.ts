/**
 * The portal's files end to end through its API (PGlite, the SQL file store), and the
 * worker removing uploads left unattached longer than the configured time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NOW, startTestPortal, type TestPortal } from './support.js';

const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 2, 3,
]);

let portal: TestPortal | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

async function tokenOf(p: TestPortal, id: string): Promise<string> {
  const { users } = (await (await p.app.request('/demo/users')).json()) as {
    users: { id: string; token: string }[];
  };
  return users.find((u) => u.id === id)?.token ?? '';
}

async function upload(p: TestPortal, token: string, name: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), name);
  const response = await p.app.request('/api/files', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await response.json()) as { files: { id: string }[] };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.files[0]?.id as string;
}

describe('uploads in the portal', () => {
  it('the worker removes uploads unattached past the time, and never a message’s files', async () => {
    let now = NOW;
    portal = await startTestPortal({ now: () => now, unattachedUploadMs: 60 * 60_000 });
    const token = await tokenOf(portal, 'app-ivanov');
    const attached = await upload(portal, token, 'яма.jpg');
    const forgotten = await upload(portal, token, 'лишнее.jpg');
    const submitted = await portal.app.request('/api/messages', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'epgu_form',
        orgId: 'kam-roads',
        regionCode: '41',
        applicant: { name: 'Иванов Иван Иванович' },
        text: 'Яма у дома 5',
        categoryId: 'roads',
        subcategoryId: 'potholes',
        attachments: [{ fileId: attached }],
      }),
    });
    expect(submitted.status).toBe(201);

    // Within the hour both stay.
    now = new Date(NOW.getTime() + 59 * 60_000);
    await portal.worker.tick();
    expect((await portal.files.describe([attached, forgotten])).length).toBe(2);

    now = new Date(NOW.getTime() + 61 * 60_000);
    await portal.worker.tick();
    const left = await portal.files.describe([attached, forgotten]);
    expect(left.map((f) => f.id)).toEqual([attached]);
    expect(portal.lines).toContain('[файлы] удалено неприкреплённых загрузок: 1');
    const download = await portal.app.request(`/api/files/${attached}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(JPEG);
  });
});
