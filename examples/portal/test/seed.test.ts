import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGE_NUMBER_PATTERN, messageStatusSchema, SYSTEM_PRINCIPAL } from '@reshaem/core';
import { demoUsers } from '@reshaem/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMessages } from '../src/seed/demo-messages.js';
import { demoNumber, NOW, startTestPortal, type TestPortal } from './support.js';

describe('demo data on a data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'reshaem-portal-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  // Two PGlite starts on a data directory and the whole demo seeding: slow on a busy machine.
  it('seeds a message in every status, then keeps the data on restart without seeding again', async () => {
    const first = await startTestPortal({ dataDir });
    try {
      expect(first.seed).toMatchObject({ seeded: true, messages: demoMessages(NOW).length });
      const { items } = await first.store.list(SYSTEM_PRINCIPAL, { limit: 200 });
      const statuses = new Set(items.map((m) => m.status));
      expect([...statuses].sort()).toEqual([...messageStatusSchema.options].sort());
      for (const demo of demoMessages(NOW)) {
        expect({ id: demo.id, status: (await first.store.get(demo.id))?.status }).toEqual({
          id: demo.id,
          status: demo.status,
        });
      }
      // Numbered like new messages: a counter per region in the order of submission, the
      // date in the region's local time.
      const numbers = new Map<string, string>();
      for (const demo of demoMessages(NOW)) numbers.set(demo.id, await demoNumber(first, demo.id));
      for (const region of ['41', '73']) {
        const seqs = [...numbers.values()]
          .filter((n) => n.startsWith(`${region}-`))
          .map((n) => Number(n.split('-')[2]))
          .sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      }
      expect([...numbers.values()].every((n) => MESSAGE_NUMBER_PATTERN.test(n))).toBe(true);
      // demo-101, submitted 0.7 hours before 00:00 UTC on 15 April, is dated in Kamchatka time.
      expect(numbers.get('demo-101')).toMatch(/^41-250415-\d{4}$/);
      // The timers due by now have fired while seeding: overdue and postponed are real.
      expect((await first.store.get('demo-108'))?.snapshot.context.overdue).toBe(true);
      const reject = {
        type: 'moderation.reject',
        at: NOW.toISOString(),
        by: demoUsers.moderator,
        reason: 'Дубль',
      };
      expect((await first.store.send('demo-101', reject)).ok).toBe(true);
    } finally {
      await first.close();
    }

    const second = await startTestPortal({ dataDir });
    try {
      expect(second.seed.seeded).toBe(false);
      const { items } = await second.store.list(SYSTEM_PRINCIPAL, { limit: 200 });
      expect(items).toHaveLength(demoMessages(NOW).length);
      expect((await second.store.get('demo-101'))?.status).toBe('rejected');
      expect(second.store.directory.organisations.map((o) => o.id)).toContain('kam-gov');
    } finally {
      await second.close();
    }
  }, 90_000);
});

describe('the worker', () => {
  let now = NOW;
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal({ now: () => now });
  });
  afterAll(() => portal.close());

  it('leaves nothing to do right after seeding', async () => {
    await portal.worker.tick();
    expect(portal.lines).toEqual([]); // no timer due, the outbox empty
  });

  it('e-mails the answer of a phoned-in message and reports it back', async () => {
    const u = demoUsers;
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
    const steps = [
      { type: 'coordination.forward', by: u.coordinatorUly, orgId: 'uly-roads' },
      { type: 'executor.assign', by: u.coordinatorUlyRoads, executorId: u.executorUlyRoads.id },
      { type: 'work.take', by: u.executorUlyRoads },
      {
        type: 'answer.submit',
        by: u.executorUlyRoads,
        answer: { type: 'resolved', text: 'Асфальт восстановлен' },
      },
      { type: 'answer.approve', by: u.headUlyRoads },
    ];
    for (const [i, step] of steps.entries()) {
      const result = await portal.store.send('demo-117', { ...step, at: at(-60 + i) });
      expect(result.ok, step.type).toBe(true);
    }
    await portal.worker.tick();
    const n117 = await demoNumber(portal, 'demo-117');
    expect(portal.lines).toContain(
      `[почта] ответ по сообщению ${n117} отправлен на g•••@example.ru`,
    );
    expect(portal.lines).toContain(
      `[почта] g•••@example.ru: «Ответ на сообщение № ${n117}» (сообщение ${n117})`,
    );
    // The console is a log: no applicant's address in it, only masked ones.
    expect(portal.lines.join('\n')).not.toMatch(/[\w.+-]+@[\w-]+\.\w+/u);
    expect(portal.lines).toContain(
      `[уведомление] Ответ готов к передаче заявителю → операторам 122 · ${n117}`,
    );
    expect((await portal.store.get('demo-117'))?.snapshot.context.answerEmail?.status).toBe('sent');
  });

  it('fires the timers that fall due and prints the notifications they bring', async () => {
    now = new Date(NOW.getTime() + 40 * 86_400_000); // 40 days on: every deadline passed
    await portal.worker.tick();
    const [n106, n110] = [
      await demoNumber(portal, 'demo-106'),
      await demoNumber(portal, 'demo-110'),
    ];
    expect(portal.lines).toContain(`[таймер] deadline.overdue → ${n106}: Назначен исполнитель`);
    expect(portal.lines).toContain(`[таймер] rating.window_closed → ${n110}: Завершено`);
    expect(
      portal.lines.some((l) => l.startsWith('[уведомление] Срок ответа просрочен → в ЛКО')),
    ).toBe(true);
    expect((await portal.store.get('demo-110'))?.status).toBe('completed');
    const before = portal.lines.length;
    await portal.worker.tick();
    expect(portal.lines.length).toBe(before); // each timer and notice once
  });
});
