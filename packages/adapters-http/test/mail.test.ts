import type { AddressInfo } from 'node:net';
import { createMemoryStore, deliverNotifications, notificationConfigSchema } from '@reshaem/core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpSender, type SmtpSender } from '../src/index.js';
import { directory, potholeBody, world } from './support.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`) in a header value. */
const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQp(text.replace(/_/g, ' ')),
    );

const decodeQp = (text: string) =>
  Buffer.from(
    text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      ),
    'latin1',
  ).toString('utf8');

/** The subject and the text/plain part of a raw message. */
function parse(raw: string) {
  const [head = '', ...rest] = raw.split(/\r\n\r\n/);
  const headers = head.replace(/\r\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const body = rest.join('\r\n\r\n');
  const part =
    /Content-Type: text\/plain[^\r\n]*\r\nContent-Transfer-Encoding: (\S+)\r\n\r\n([\s\S]*?)\r\n--/i.exec(
      body,
    );
  const encoding = part?.[1]?.toLowerCase();
  const data = part?.[2] ?? '';
  const text =
    encoding === 'base64'
      ? Buffer.from(data.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQp(data)
        : data;
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

describe('notifications end to end over SMTP', () => {
  const inbox: Received[] = [];
  let server: SMTPServer;
  let sender: SmtpSender;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    sender = createSmtpSender({
      host: '127.0.0.1',
      port,
      from: 'pos@example.org',
      ignoreTLS: true,
    });
  });
  afterAll(async () => {
    sender?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a message accepted into an organisation with «Поступление сообщения в ЛКО» sends exactly one e-mail', async () => {
    inbox.length = 0;
    const store = createMemoryStore({ directory });
    const w = world({ store });
    const created = await w.call('POST', '/messages', { as: 'applicant', body: potholeBody() });
    expect(created.status).toBe(201);
    w.clock.advance(5);
    const accepted = await w.call('POST', '/messages/m-1/events', {
      as: 'moderator',
      body: { type: 'moderation.accept' },
    });
    expect(accepted.status).toBe(200);
    const config = notificationConfigSchema.parse({
      id: 'n-received',
      orgId: 'kam-roads',
      name: 'Поступление сообщения в ЛКО',
      type: 'message_received',
      emails: [{ address: 'info@roads.kamgov.ru' }],
      subject: 'Новое сообщение № {{Номер сообщения}}',
      body: [
        'Поступило сообщение № {{Номер сообщения}} ({{Категория сообщения}}).',
        'ЛКО: {{Наименование текущего ЛКО}}',
        'Статус: {{Текущий статус сообщения}}',
      ].join('\n'),
    });
    const round = await deliverNotifications({
      store,
      sender,
      configs: [config],
      now: w.clock.now.toISOString(),
    });
    expect(round.failed).toEqual([]);
    expect(round.completed).toBe(round.claimed);
    expect(inbox).toHaveLength(1);
    const [mail] = inbox;
    expect(mail?.to).toEqual(['info@roads.kamgov.ru']);
    expect(mail?.from).toBe('pos@example.org');
    const { subject, text } = parse(mail?.raw ?? '');
    const number = (await store.get('m-1'))?.snapshot.context.number;
    expect(subject).toBe(`Новое сообщение № ${number}`);
    expect(text).toBe(
      [
        `Поступило сообщение № ${number} (Дороги).`,
        'ЛКО: Министерство транспорта и дорожного строительства Камчатского края',
        'Статус: На координации',
      ].join('\n'),
    );
    expect(text).not.toContain('{{');
    // Delivered: a second round sends nothing.
    await deliverNotifications({
      store,
      sender,
      configs: [config],
      now: w.clock.now.toISOString(),
    });
    expect(inbox).toHaveLength(1);
  });

  it('sends an ОНФ card’s notice with its own headers', async () => {
    inbox.length = 0;
    await sender.send({
      workflow: 'onf',
      to: ['sup-75@onf.example.ru'],
      subject: 'ОНФ. Помощь: карточка № 340820 — новое обращение',
      text: 'Карточка № 340820: новое обращение.',
      html: 'Карточка № 340820: новое обращение.',
      caseId: 'c-1',
      reason: 'case_received',
      recipient: { kind: 'staff', role: 'supervisor', regionCode: '75' },
    });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.to).toEqual(['sup-75@onf.example.ru']);
    const raw = inbox[0]?.raw ?? '';
    expect(raw).toMatch(/^X-Reshaem-Case: c-1$/m);
    expect(raw).toMatch(/^X-Reshaem-Type: case_received$/m);
    expect(parse(raw).subject).toBe('ОНФ. Помощь: карточка № 340820 — новое обращение');
  });

  it('tells the applicant their message was rejected', async () => {
    inbox.length = 0;
    const store = createMemoryStore({ directory });
    const w = world({ store });
    await w.call('POST', '/messages', { as: 'applicant', body: potholeBody() });
    const rejected = await w.call('POST', '/messages/m-1/events', {
      as: 'moderator',
      body: { type: 'moderation.reject', reason: 'Нецензурная лексика' },
    });
    expect(rejected.status).toBe(200);
    await deliverNotifications({ store, sender, configs: [], now: w.clock.now.toISOString() });
    expect(inbox.map((m) => m.to)).toEqual([['ivanov@example.ru']]);
    const { subject, text } = parse(inbox[0]?.raw ?? '');
    expect(subject.length).toBeGreaterThan(0);
    expect(text).not.toContain('{{');
  });
});
