import { describe, expect, it } from 'vitest';
import { expectErrors, type Format, SPEC_ELEMENTS, type Value } from './georeport-client.js';
import { API_KEY, open311World, POINT } from './setup.js';

const formats: Format[] = ['json', 'xml'];
type Row = Record<string, Value>;

describe.each(formats)('Open311 GeoReport v2 in %s', (format) => {
  it('discovery names the endpoint, the specification and both formats', async () => {
    const { client } = await open311World();
    const answer = await client.discovery(format);
    expect(answer.status).toBe(200);
    const body = answer.body as Row;
    expect(Object.keys(body).sort()).toEqual([...SPEC_ELEMENTS.discovery].sort());
    expect(body.contact).toBe('open311@kamgov.example');
    const [endpoint] = body.endpoints as Row[];
    expect(Object.keys(endpoint as Row).sort()).toEqual([...SPEC_ELEMENTS.endpoint].sort());
    expect(endpoint?.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(endpoint?.url).toBe('http://localhost/open311/v2');
    expect(endpoint?.formats).toEqual(['text/xml', 'application/json']);
  });

  it('services: one per subcategory, realtime, grouped by category', async () => {
    const { client, w } = await open311World();
    const answer = await client.services(format);
    expect(answer.status).toBe(200);
    const services = answer.body as Row[];
    const subcategories = w.store.directory.catalogue.categories.flatMap((c) =>
      c.subcategories.map((s) => ({ code: s.id, group: c.name })),
    );
    expect(services.map((s) => s.service_code)).toEqual(subcategories.map((s) => s.code));
    for (const service of services) {
      expect(Object.keys(service).sort()).toEqual([...SPEC_ELEMENTS.service].sort());
      expect(service.type).toBe('realtime');
      expect(service.metadata).toBe('true');
    }
    expect(services.find((s) => s.service_code === 'potholes')?.group).toBe('Дороги');
  });

  it('a service definition lists the facts and the public flag', async () => {
    const { client } = await open311World();
    const answer = await client.serviceDefinition('potholes', format);
    expect(answer.status).toBe(200);
    const body = answer.body as Row;
    expect(Object.keys(body).sort()).toEqual([...SPEC_ELEMENTS.service_definition].sort());
    const attributes = body.attributes as Row[];
    for (const a of attributes) {
      expect(Object.keys(a).sort()).toEqual([...SPEC_ELEMENTS.attribute].sort());
      for (const v of a.values as Row[]) expect(Object.keys(v).sort()).toEqual(['key', 'name']);
    }
    const fact = attributes.find((a) => a.code === 'fact');
    expect(fact?.datatype).toBe('singlevaluelist');
    expect(((fact?.values ?? []) as Row[]).map((v) => v.key)).toContain('pothole-street');
    expect(attributes.map((a) => a.code)).toContain('is_public');
    expectErrors(await client.serviceDefinition('no-such-service', format), 404);
  });

  it('POST requests: the partner submits on the applicant’s behalf', async () => {
    const { client, w } = await open311World();
    const answer = await client.postRequest(format, {
      api_key: API_KEY,
      service_code: 'potholes',
      lat: '53.05',
      long: '158.65',
      address_string: 'г. Петропавловск-Камчатский, ул. Ленинская, 9',
      first_name: 'Пётр',
      last_name: 'Сидоров',
      email: 'sidorov@example.ru',
      description: 'Яма у остановки',
      'attribute[fact]': 'pothole-street',
      'attribute[is_public]': 'true',
    });
    expect(answer.status, answer.raw).toBe(201);
    const [created] = answer.body as Row[];
    expect(Object.keys(created as Row).sort()).toEqual([...SPEC_ELEMENTS.created].sort());
    const id = created?.service_request_id as string;
    const stored = await w.store.get(id);
    const m = stored?.snapshot.context;
    expect(m?.channel).toBe('integration');
    expect(m?.integration).toBe('Дневник ЕПГУ');
    expect(m?.applicant.name).toBe('Пётр Сидоров');
    expect(m?.location).toEqual({ lat: 53.05, lon: 158.65 });
    expect(m?.factId).toBe('pothole-street');
    expect(m?.isPublic).toBe(true);
    expect(m?.receivedOrgId).toBe('kam-roads');
    // Realtime: the request is readable at once, and its token is its id.
    const read = await client.request(id, format);
    expect((read.body as Row[])[0]?.status).toBe('open');
    const token = await client.token(id, format);
    expect(token.body).toEqual([{ service_request_id: id, token: id }]);
  });

  it('GET requests: the public messages, mapped field by field', async () => {
    const { client, closed, open, hidden, w } = await open311World();
    const answer = await client.requests(format);
    expect(answer.status).toBe(200);
    const rows = answer.body as Row[];
    expect(rows.map((r) => r.service_request_id)).toEqual([open, closed]);
    expect(rows.map((r) => r.service_request_id)).not.toContain(hidden);
    for (const r of rows) expect(Object.keys(r).sort()).toEqual([...SPEC_ELEMENTS.request].sort());
    const done = rows[1] as Row;
    const m = (await w.store.get(closed))?.snapshot.context;
    expect(done).toMatchObject({
      status: 'closed',
      status_notes: 'Завершено. Яма заделана 20.01.2025',
      service_code: 'potholes',
      service_name: 'Ямы и выбоины на дороге',
      agency_responsible: 'Министерство транспорта и дорожного строительства Камчатского края',
      address: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
      lat: String(POINT.lat),
      long: String(POINT.lon),
      requested_datetime: `${m?.createdAt.slice(0, 19)}Z`,
      updated_datetime: `${m?.updatedAt.slice(0, 19)}Z`,
      expected_datetime: `${m?.responseDueAt?.slice(0, 19)}Z`,
      media_url: '',
    });
    expect(rows[0]).toMatchObject({
      status: 'open',
      status_notes: 'На модерации',
      lat: '',
      long: '',
    });
  });

  it('GET requests filters by ids, service, status, dates and jurisdiction', async () => {
    const { client, closed, open, hidden } = await open311World();
    const ids = async (params: Record<string, string>) => {
      const answer = await client.requests(format, params);
      expect(answer.status, answer.raw).toBe(200);
      return (answer.body as Row[]).map((r) => r.service_request_id);
    };
    expect(await ids({ service_request_id: `${closed},${hidden},nope` })).toEqual([closed]);
    expect(await ids({ status: 'closed' })).toEqual([closed]);
    expect(await ids({ status: 'open' })).toEqual([open]);
    expect(await ids({ status: 'open,closed' })).toEqual([open, closed]);
    expect(await ids({ service_code: 'school-food' })).toEqual([]);
    expect(await ids({ service_code: 'potholes' })).toEqual([open, closed]);
    expect(await ids({ jurisdiction_id: '73' })).toEqual([]);
    expect(await ids({ jurisdiction_id: '41' })).toEqual([open, closed]);
    expect(
      await ids({ start_date: '2025-01-15T12:00:00+12:00', end_date: '2025-01-16T00:00:00Z' }),
    ).toEqual([open, closed]);
    expect(await ids({ start_date: '2025-01-16T00:00:00Z' })).toEqual([]);
    expect(await ids({ end_date: '2025-01-14T00:00:00Z' })).toEqual([]);
  });

  it('GET requests/{id} answers a public message, and 404 for any other', async () => {
    const { client, closed, hidden } = await open311World();
    const answer = await client.request(closed, format);
    expect(answer.status).toBe(200);
    expect((answer.body as Row[]).map((r) => r.service_request_id)).toEqual([closed]);
    expectErrors(await client.request(hidden, format), 404);
    expectErrors(await client.request('no-such-id', format), 404);
    expectErrors(await client.token(hidden, format), 404);
    expectErrors(await client.token('no-such-token', format), 404);
  });
});
