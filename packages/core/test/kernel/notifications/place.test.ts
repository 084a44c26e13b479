/**
 * Where the applicant's notices say the problem is: the address, the point on the map, and a
 * link to the point only when the deployment configures a map (never a third-party link by
 * default).
 */
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createMemoryStore,
  createRecordingSender,
  deliverNotifications,
  formatGeoPoint,
  type MessageSnapshot,
  mapLink,
  mapUrlTemplateSchema,
  type RenderNotificationsOptions,
  renderNotifications,
  type SubmitEventInput,
  startMessage,
} from '../../../src/index.js';
import { at, potholeSubmit, users } from '../../helpers.js';
import { mailDirectory as directory, notification } from './fixtures.js';

const point = { lat: 53.0245, lon: 158.6433 };
const osm = 'https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}';
const osmLink = 'https://www.openstreetmap.org/?mlat=53.0245&mlon=158.6433#map=17/53.0245/158.6433';

function begin(input: SubmitEventInput): MessageSnapshot {
  const result = startMessage(input, directory);
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

/** The built-in rejection notice of a message submitted with these fields. */
function rejectionNotice(
  overrides: Partial<SubmitEventInput>,
  options?: RenderNotificationsOptions,
  configs = [] as Parameters<typeof renderNotifications>[2],
) {
  const rejected = applyEvent(
    begin(potholeSubmit(overrides)),
    { type: 'moderation.reject', by: users.moderator, at: at(1), reason: 'Дубликат' },
    directory,
  );
  if (!rejected.ok) throw new Error(rejected.error.message);
  const { emails } = renderNotifications(
    rejected.effects,
    rejected.snapshot,
    configs,
    directory,
    at(1),
    options,
  );
  expect(emails).toHaveLength(1);
  const [email] = emails;
  if (!email) throw new Error('no e-mail');
  return email;
}

describe('the place in the applicant’s notices', () => {
  it('shows the address and the point, and no link to any map by default', () => {
    const email = rejectionNotice({ location: point });
    expect(email.text).toContain(
      [
        'Адрес проблемы: г. Петропавловск-Камчатский, ул. Ленинская, 5',
        'Координаты: 53.0245, 158.6433',
        'Причина: Дубликат',
      ].join('\n'),
    );
    for (const part of [email.text, email.html]) {
      expect(part).not.toMatch(/https?:|www\.|На карте/);
    }
  });

  it('links to the point on the map the deployment configures, in text and HTML', () => {
    const email = rejectionNotice({ location: point }, { mapUrlTemplate: osm });
    expect(email.text).toContain(`Координаты: 53.0245, 158.6433\nНа карте: ${osmLink}\n`);
    expect(email.html).toContain(`На карте: ${osmLink.replaceAll('&', '&amp;')}<br>`);
  });

  it('shows only what is known: the address without a point, the point without an address', () => {
    const addressOnly = rejectionNotice({}, { mapUrlTemplate: osm });
    expect(addressOnly.text).toContain('Адрес проблемы: г. Петропавловск-Камчатский');
    expect(addressOnly.text).not.toContain('Координаты');
    expect(addressOnly.text).not.toContain('На карте');
    const pointOnly = rejectionNotice({ problemAddress: null, location: point });
    expect(pointOnly.text).toContain('отклонено модератором.\nКоординаты: 53.0245, 158.6433\n');
    expect(pointOnly.text).not.toContain('Адрес проблемы');
    const neither = rejectionNotice({ problemAddress: null });
    expect(neither.text).toContain('отклонено модератором.\nАдрес проблемы не указан\n');
  });

  it('gives an organisation’s own notice the address, the point and the link as placeholders', () => {
    const own = notification({
      id: 'n-rejected',
      type: 'message_rejected',
      emails: [],
      userIds: [],
      body: '{{Адрес проблемы}} | {{Координаты}} | {{Ссылка на карту}}',
    });
    expect(rejectionNotice({ location: point }, {}, [own]).text).toBe(
      'г. Петропавловск-Камчатский, ул. Ленинская, 5 | 53.0245, 158.6433 | -',
    );
    expect(rejectionNotice({ location: point }, { mapUrlTemplate: osm }, [own]).text).toBe(
      `г. Петропавловск-Камчатский, ул. Ленинская, 5 | 53.0245, 158.6433 | ${osmLink}`,
    );
    expect(rejectionNotice({ problemAddress: null }, { mapUrlTemplate: osm }, [own]).text).toBe(
      '- | - | -',
    );
  });

  it('links nowhere with a map setting that is not an http(s) address with both degrees', () => {
    for (const bad of [
      'javascript:alert({lat},{lon})',
      'https://maps.example.ru/?ll={lon}',
      'https://maps.example.ru/ ?ll={lon},{lat}',
      'ftp://maps.example.ru/{lat}/{lon}',
    ]) {
      expect(mapUrlTemplateSchema.safeParse(bad).success, bad).toBe(false);
      expect(mapLink(bad, point), bad).toBeUndefined();
      const email = rejectionNotice({ location: point }, { mapUrlTemplate: bad });
      expect(email.text, bad).not.toContain('На карте');
    }
    expect(mapLink('https://maps.example.ru/?ll={lon},{lat}', point)).toBe(
      'https://maps.example.ru/?ll=158.6433,53.0245',
    );
    expect(formatGeoPoint({ lat: -0.5, lon: 48 })).toBe('-0.5, 48');
  });

  it('the delivery round passes the deployment’s map on to the notices it sends', async () => {
    const store = createMemoryStore({ directory });
    await store.submit(potholeSubmit({ location: point }));
    await store.send('m-1', {
      type: 'moderation.reject',
      by: users.moderator,
      at: at(1),
      reason: 'Дубликат',
    });
    const sender = createRecordingSender();
    await deliverNotifications({ store, sender, configs: [], now: at(2), mapUrlTemplate: osm });
    const notice = sender.sent.find((e) => 'type' in e && e.type === 'message_rejected');
    expect(notice?.text).toContain(`Координаты: 53.0245, 158.6433\nНа карте: ${osmLink}`);
  });
});
