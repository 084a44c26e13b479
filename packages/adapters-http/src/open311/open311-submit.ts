import {
  type Directory,
  geoPointSchema,
  issuesFromZod,
  type Organisation,
  type StoreError,
  type SubmitEventInput,
  submitEventSchema,
} from '@reshaem/core';
import { badRequest, notFound, Open311Error } from './open311-errors.js';
import type { Open311Partner } from './open311-options.js';
import { FACT_ATTRIBUTE, PUBLIC_ATTRIBUTE } from './open311-services.js';

/** The form fields of POST requests the specification defines, each once. */
export type SubmitParams = Record<string, string>;

/** The regions the directory's organisations serve: the endpoint's jurisdictions. */
export const jurisdictionsOf = (directory: Directory): string[] => [
  ...new Set(directory.organisations.map((o) => o.regionCode)),
];

/** A jurisdiction_id is a region code the directory serves (`41`, `73`). */
export const jurisdictionRegion =
  (directory: Directory) =>
  (id: string): string | undefined =>
    jurisdictionsOf(directory).includes(id) ? id : undefined;

const DECIMAL = /^[+-]?\d{1,3}(\.\d{1,15})?$/;

function coordinate(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!DECIMAL.test(value.trim())) throw badRequest(`${name} must be decimal degrees (WGS84)`);
  return Number(value);
}

/** The region of a request: its jurisdiction, else the one whose box holds the point, else the only one. */
function regionOf(
  directory: Directory,
  params: SubmitParams,
  point: { lat: number; lon: number } | null,
) {
  const served = jurisdictionsOf(directory);
  const id = params.jurisdiction_id;
  if (id !== undefined) {
    if (!served.includes(id)) throw notFound(`jurisdiction_id ${id} was not found`);
    return id;
  }
  if (point !== null) {
    const holding = served.filter((code) => {
      const box = directory.regionBounds(code);
      return (
        box !== undefined &&
        point.lon >= box.minLon &&
        point.lon <= box.maxLon &&
        point.lat >= box.minLat &&
        point.lat <= box.maxLat
      );
    });
    if (holding.length === 1) return holding[0] as string;
  }
  if (served.length === 1) return served[0] as string;
  throw badRequest(`jurisdiction_id is required: one of ${served.join(', ')}`);
}

/**
 * Who receives a request: the first organisation of the region that names the service among
 * its subcategories, else the region's coordinating organisation.
 */
function receiverOf(directory: Directory, regionCode: string, serviceCode: string): Organisation {
  const inRegion = directory.organisations.filter((o) => o.regionCode === regionCode);
  const org =
    inRegion.find((o) => o.subcategoryIds?.includes(serviceCode)) ??
    inRegion.find((o) => o.coordinatesRegion);
  if (!org) throw badRequest(`no organisation of region ${regionCode} receives ${serviceCode}`);
  return org;
}

/**
 * The submit event of POST requests, before its id, number and instant: the service, the
 * place (lat/long and the address), the text, the applicant from `first_name`, `last_name`,
 * `email` and `phone`, and the attributes `attribute[fact]` and `attribute[is_public]`.
 */
export function submitOf(
  directory: Directory,
  partner: Open311Partner,
  params: SubmitParams,
): Omit<SubmitEventInput, 'messageId' | 'number' | 'at'> {
  const missing = ['service_code', 'description'].filter((k) => !params[k]?.trim());
  if (missing.length > 0) throw badRequest(...missing.map((k) => `${k} is required`));
  const serviceCode = params.service_code as string;
  const entry = directory.subcategory(serviceCode);
  if (!entry) throw notFound(`service_code ${serviceCode} was not found`);
  const lat = coordinate('lat', params.lat);
  const lon = coordinate('long', params.long);
  if ((lat === undefined) !== (lon === undefined)) throw badRequest('give lat and long together');
  const point = lat === undefined || lon === undefined ? null : { lat, lon };
  if (point !== null && !geoPointSchema.safeParse(point).success) {
    throw badRequest('lat is −90…90 and long −180…180 (WGS84 degrees)');
  }
  const address = params.address_string?.trim() || null;
  if (point === null && address === null) {
    throw badRequest('a location is required: lat and long, or address_string');
  }
  const regionCode = regionOf(directory, params, point);
  const org = receiverOf(directory, regionCode, serviceCode);
  const name = [params.first_name, params.last_name]
    .map((n) => n?.trim())
    .filter(Boolean)
    .join(' ');
  const fact = params[`attribute[${FACT_ATTRIBUTE}]`]?.trim() || null;
  const shown = params[`attribute[${PUBLIC_ATTRIBUTE}]`];
  if (shown !== undefined && shown !== 'true' && shown !== 'false') {
    throw badRequest(`attribute[${PUBLIC_ATTRIBUTE}] is true or false`);
  }
  const input: SubmitEventInput = {
    type: 'submit',
    at: '1970-01-01T00:00:00.000Z',
    by: partner.principal,
    messageId: 'open311',
    number: 'open311',
    channel: 'integration',
    integration: partner.name,
    orgId: org.id,
    regionCode,
    applicant: {
      name: name || `Заявитель (${partner.name})`,
      email: params.email?.trim() || null,
      phone: params.phone?.trim() || null,
    },
    problemAddress: address,
    location: point,
    text: params.description as string,
    categoryId: entry.categoryId,
    subcategoryId: serviceCode,
    factId: fact,
    isPublic: shown === 'true',
  };
  const parsed = submitEventSchema.safeParse(input);
  if (!parsed.success) {
    throw badRequest(
      ...issuesFromZod(parsed.error).map((i) => `${fieldName(i.path)}: ${i.message}`),
    );
  }
  const { messageId: _id, number: _number, at: _at, ...event } = input;
  return event;
}

/** The Open311 field a path of the submit event came from. */
function fieldName(path: (string | number)[]): string {
  const [head, sub] = path;
  if (head === 'applicant')
    return sub === 'email' ? 'email' : sub === 'phone' ? 'phone' : 'first_name';
  if (head === 'location') return sub === 'lon' ? 'long' : 'lat';
  if (head === 'text') return 'description';
  if (head === 'problemAddress') return 'address_string';
  if (head === 'factId') return `attribute[${FACT_ATTRIBUTE}]`;
  return String(head ?? 'request');
}

/** The store's refusal of a submission as the error array. */
export function submitRefusal(error: StoreError): Open311Error {
  if (error.kind === 'invalid_payload') {
    return new Open311Error(
      400,
      error.issues.map((i) => `${fieldName(i.path)}: ${i.message}`),
    );
  }
  if (error.kind === 'forbidden') return new Open311Error(403, ['this api_key may not submit']);
  return new Open311Error(400, [error.message]);
}
