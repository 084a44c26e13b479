import { isStorableText } from '@reshaem/core';
import type { Context, Hono } from 'hono';
import { bodyLimited } from '../access.js';
import type { AppEnv, RouteDeps } from '../env.js';
import { badRequest, notFound, Open311Error, open311ErrorResponse } from './open311-errors.js';
import { type Open311Format, open311Response, splitFormat } from './open311-format.js';
import { registerOpen311Media } from './open311-media.js';
import type { ResolvedOpen311Options } from './open311-options.js';
import { findRequests, publicMessage, type RequestsParams } from './open311-reads.js';
import { open311Request } from './open311-request-view.js';
import { open311ServiceDefinition, open311Services } from './open311-services.js';
import {
  jurisdictionRegion,
  type SubmitParams,
  submitOf,
  submitRefusal,
} from './open311-submit.js';

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const OPEN311_FORMATS = ['json', 'xml'] as const;
const FORMATS = ['text/xml', 'application/json'];

/** The format a path asks for; JSON for the error of a path that names none. */
const formatOf = (file: string | undefined): Open311Format =>
  (file && splitFormat(file)?.[1]) || 'json';

/** Query parameters, each at most once and storable; the specification's names only matter. */
function singleParams(c: Context<AppEnv>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (!isStorableText(name) || values.some((v) => !isStorableText(v))) {
      throw badRequest(`${name}: text with a NUL byte or a lone surrogate`);
    }
    if (values.length > 1) throw badRequest(`${name} is given more than once`);
    if (values[0] !== undefined) out[name] = values[0];
  }
  return out;
}

/** The form of POST requests (urlencoded or multipart), each field once, text only. */
async function formParams(c: Context<AppEnv>): Promise<SubmitParams> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    throw badRequest('send the request as application/x-www-form-urlencoded');
  }
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw badRequest('the form could not be read');
  }
  const out: SubmitParams = { ...singleParams(c) };
  for (const [name, value] of Object.entries(body)) {
    if (Array.isArray(value)) throw badRequest(`${name} is given more than once`);
    if (typeof value !== 'string')
      throw badRequest(`${name}: files are not accepted; give media_url`);
    if (!isStorableText(name) || !isStorableText(value)) {
      throw badRequest(`${name}: text with a NUL byte or a lone surrogate`);
    }
    out[name] = value;
  }
  return out;
}

/**
 * The Open311 GeoReport v2 endpoint (https://wiki.open311.org/GeoReport_v2) under
 * `options.prefix`: discovery, services, service definitions, POST requests with an
 * `api_key`, GET requests, one request, tokens; each in JSON and XML by its extension. Reads
 * show public messages only («в открытом доступе»), as the public sees them; refusals are
 * the specification's error array with its HTTP status.
 */
export function registerOpen311(
  app: Hono<AppEnv>,
  deps: RouteDeps,
  options: ResolvedOpen311Options,
): void {
  const { store } = deps;
  const { prefix } = options;
  const report = (request: Request) => (error: unknown) => deps.onUnexpectedError(error, request);
  type Handler = (c: Context<AppEnv>, name: string, format: Open311Format) => Promise<Response>;
  /** Runs a handler for `<name>.<format>`, turning every refusal into the error array. */
  const handle =
    (run: Handler, fixed?: string) =>
    async (c: Context<AppEnv>): Promise<Response> => {
      const file = fixed ?? c.req.param('file');
      const split = file === undefined ? undefined : splitFormat(file);
      try {
        if (!split) throw notFound('name the format: .json or .xml');
        return await run(c, split[0], split[1]);
      } catch (error) {
        return open311ErrorResponse(error, formatOf(file), report(c.req.raw));
      }
    };

  /** The endpoint's absolute address: the configured one, or this request's origin. */
  const endpointUrl = (c: Context<AppEnv>) =>
    options.url ?? new URL(`${deps.basePath}${prefix}`, c.req.url).href;
  /** Where public photos are served (`media_url`), when the app keeps files. */
  const mediaBase = (c: Context<AppEnv>) =>
    deps.files ? `${endpointUrl(c).replace(/\/+$/, '')}/media` : undefined;
  const discovery: Handler = async (c, _name, format) => {
    const url = endpointUrl(c);
    return open311Response(format, 'discovery', {
      changeset: options.changeset,
      contact: options.contact,
      key_service: options.keyService,
      endpoints: [
        {
          specification: SPECIFICATION,
          url,
          changeset: options.changeset,
          type: 'production',
          formats: FORMATS,
        },
      ],
    });
  };
  const services: Handler = async (c, _name, format) => {
    checkJurisdiction(singleParams(c), deps);
    return open311Response(format, 'services', open311Services(store.directory));
  };
  const requests: Handler = async (c, _name, format) => {
    const found = await findRequests(
      store,
      singleParams(c) as RequestsParams,
      deps.now(),
      options.maxRequests,
      jurisdictionRegion(store.directory),
    );
    const media = mediaBase(c);
    const body = found.map((m) => open311Request(m, store.directory, media));
    return open311Response(format, 'service_requests', body);
  };
  for (const format of OPEN311_FORMATS) {
    app.get(`${prefix}/discovery.${format}`, handle(discovery, `discovery.${format}`));
    app.get(`${prefix}/services.${format}`, handle(services, `services.${format}`));
    app.get(`${prefix}/requests.${format}`, handle(requests, `requests.${format}`));
  }

  app.get(
    `${prefix}/services/:file`,
    handle(async (c, code, format) => {
      checkJurisdiction(singleParams(c), deps);
      const definition = open311ServiceDefinition(store.directory, code);
      return open311Response(format, 'service_definition', definition);
    }),
  );

  app.get(
    `${prefix}/requests/:file`,
    handle(async (c, id, format) => {
      checkJurisdiction(singleParams(c), deps);
      const stored = await publicMessage(store, id);
      if (!stored) throw notFound('no public request has this service_request_id');
      return open311Response(format, 'service_requests', [
        open311Request(stored, store.directory, mediaBase(c)),
      ]);
    }),
  );

  app.get(
    `${prefix}/tokens/:file`,
    handle(async (c, token, format) => {
      checkJurisdiction(singleParams(c), deps);
      // Every request is realtime: its token is its id, known at once.
      const stored = await publicMessage(store, token);
      if (!stored) throw notFound('no public request has this token');
      return open311Response(format, 'service_requests', [
        { service_request_id: stored.id, token },
      ]);
    }),
  );

  const submit: Handler = async (c, _name, format) => {
    const params = await formParams(c);
    const key = params.api_key;
    const partner = key ? await options.partnerOf(key) : null;
    if (!partner) throw new Open311Error(403, ['api_key is missing or not valid']);
    const event = submitOf(store.directory, partner, params);
    const at = deps.now().toISOString();
    const messageId = deps.newMessageId();
    const assigned = deps.assignNumber
      ? await deps.assignNumber({ messageId, regionCode: event.regionCode, at })
      : undefined;
    const result = await store.submit({
      ...event,
      messageId,
      ...(assigned === undefined ? {} : { number: assigned }),
      at,
    });
    if (!result.ok) throw submitRefusal(result.error);
    const { number } = result.message.snapshot.context;
    const body = [
      {
        service_request_id: result.message.id,
        service_notice: `Номер сообщения ${number}`,
        account_id: null,
      },
    ];
    return open311Response(format, 'service_requests', body, 201);
  };
  for (const format of OPEN311_FORMATS) {
    app.post(
      `${prefix}/requests.${format}`,
      bodyLimited(deps),
      handle(submit, `requests.${format}`),
    );
  }

  registerOpen311Media(app, deps, prefix);

  // Anything else under the prefix answers in the specification's form, not as a problem.
  app.all(`${prefix}/*`, (c) =>
    open311ErrorResponse(
      notFound(`no resource at ${c.req.method} ${c.req.path}`),
      formatOf(c.req.path.split('/').at(-1)),
      report(c.req.raw),
    ),
  );
}

/** A jurisdiction_id, when given, must be one the endpoint serves (404 otherwise). */
function checkJurisdiction(params: Record<string, string>, deps: RouteDeps): void {
  const id = params.jurisdiction_id;
  if (id !== undefined && jurisdictionRegion(deps.store.directory)(id) === undefined) {
    throw notFound(`jurisdiction_id ${id} was not found`);
  }
}
