import type { Principal } from '@reshaem/core';
import type { Accounts } from '../../auth/accounts.js';
import type { ApiFetch } from '../onf/case-export-route.js';

/** The settings lists an organisation's admin keeps through the API. */
export type SettingsKind = 'autorules' | 'notifications' | 'answer-templates';

/** One field's issue as the API's problem+json lists it. */
export interface ApiFieldError {
  in?: string;
  path: (string | number)[];
  message: string;
}

/** What the API answered: the body on success, else its status and problem+json. */
export type ApiAnswer<T> =
  | { ok: true; body: T }
  | { ok: false; status: number; detail: string; errors: ApiFieldError[] };

/** The admin's calls to the HTTP API, made in-process as the signed-in user. */
export interface AdminApi {
  list<T>(user: Principal, orgId: string, kind: SettingsKind): Promise<ApiAnswer<{ items: T[] }>>;
  save<T>(
    user: Principal,
    orgId: string,
    kind: SettingsKind,
    items: readonly unknown[],
  ): Promise<ApiAnswer<{ items: T[] }>>;
  /** The API's dry run of a rule on one message (`POST …/autorules/test`). */
  tryRule<T>(
    user: Principal,
    orgId: string,
    rule: unknown,
    messageId: string,
  ): Promise<ApiAnswer<{ trial: T }>>;
}

async function answerOf<T>(response: Response): Promise<ApiAnswer<T>> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, body: body as T };
  return {
    ok: false,
    status: response.status,
    detail: typeof body.detail === 'string' ? body.detail : response.statusText,
    errors: Array.isArray(body.errors) ? (body.errors as ApiFieldError[]) : [],
  };
}

/**
 * The admin pages' client of the API's `/admin/organisations/{orgId}/…` endpoints: the
 * pages keep no rules of their own, so who may change what and what is valid are exactly
 * the API's (its permission check, the core's validation). Each call carries a fresh
 * token of the signed-in user.
 *
 * @example
 * const api = adminApi(accounts, (request) => httpApp.fetch(request));
 * const answer = await api.list(user, 'kam-roads', 'answer-templates');
 */
export function adminApi(accounts: Accounts, fetch: ApiFetch): AdminApi {
  const call = async <T>(
    user: Principal,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiAnswer<T>> => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${accounts.tokenOf(user.id)}`,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = new Request(`http://portal.internal/api${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return answerOf<T>(await fetch(request));
  };
  const base = (orgId: string) => `/admin/organisations/${encodeURIComponent(orgId)}`;
  return {
    list: (user, orgId, kind) => call(user, 'GET', `${base(orgId)}/${kind}`),
    save: (user, orgId, kind, items) => call(user, 'PUT', `${base(orgId)}/${kind}`, { items }),
    tryRule: (user, orgId, rule, messageId) =>
      call(user, 'POST', `${base(orgId)}/autorules/test`, { rule, messageId }),
  };
}
