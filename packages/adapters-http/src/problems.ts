import { jsonResponse } from './responses.js';

/**
 * RFC 9457 problem details. Every refusal of the API is one of these kinds, each with a
 * stable `type` URI that clients can switch on; `title` is fixed per kind, `detail` says
 * what happened this time.
 */
export const PROBLEM_TYPE_BASE = 'https://reshaem.dev/problems/';

export const problemKinds = {
  'bad-request': { status: 400, title: 'Bad request' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not permitted' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'not-allowed-in-status': { status: 409, title: 'Not allowed in this status' },
  'already-exists': { status: 409, title: 'Already exists' },
  /** ОНФ: the executor already holds another card's lock. */
  'lock-conflict': { status: 409, title: 'Another card is locked by you' },
  /**
   * The record was made by a workflow definition this release does not support (unknown or
   * retired): nothing can be applied to it until it is migrated (docs/versioning.md).
   */
  'unsupported-definition': {
    status: 409,
    title: 'Made by a workflow definition this release does not support',
  },
  /** 412 when the caller sent If-Match; 409 when a concurrent write won without one. */
  'version-conflict': { status: 412, title: 'Version conflict' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  validation: { status: 422, title: 'Validation failed' },
  'idempotency-conflict': {
    status: 422,
    title: 'Idempotency key reused for a different request',
  },
  /** Sent by a portal's rate limits, with `Retry-After`. */
  'too-many-requests': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  /** The store's database is down, restarting or saturated; `Retry-After` says when to retry. */
  unavailable: { status: 503, title: 'Service temporarily unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof problemKinds;

export const problemType = (kind: ProblemKind): string => PROBLEM_TYPE_BASE + kind;

/** One invalid field: where it was (`in`), its path there, and what is wrong. */
export interface FieldError {
  in: 'body' | 'query' | 'header' | 'path';
  path: (string | number)[];
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Validation problems list every invalid field. */
  errors?: FieldError[];
  /** Extension members, e.g. `eventType`, `messageStatus`, `currentVersion`. */
  [extension: string]: unknown;
}

export function problem(
  kind: ProblemKind,
  detail: string,
  extensions: Record<string, unknown> = {},
  status: number = problemKinds[kind].status,
): Problem {
  return {
    type: problemType(kind),
    title: problemKinds[kind].title,
    status,
    detail,
    ...extensions,
  };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return jsonResponse(p, p.status, headers, PROBLEM_CONTENT_TYPE);
}

/** A problem thrown from deep inside a handler; the app's error handler renders it. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
  }
  toResponse(): Response {
    return problemResponse(this.problem, this.headers);
  }
}

/** 403 for a folder filter or count asked by somebody who does not work the folders. */
export const foldersForbidden = (): HttpProblem =>
  new HttpProblem(
    problem(
      'forbidden',
      'The backoffice folders are the organisations’ work queues; filter by status instead',
    ),
  );

export const validationProblem = (errors: FieldError[], detail?: string): HttpProblem =>
  new HttpProblem(
    problem(
      'validation',
      detail ??
        errors
          .map((e) => `${[e.in, ...e.path].join('.')}: ${e.message}`)
          .join('; ')
          .slice(0, 1000),
      { errors },
    ),
  );

export const notFound = (detail = 'Ничего не найдено'): HttpProblem =>
  new HttpProblem(problem('not-found', detail));
