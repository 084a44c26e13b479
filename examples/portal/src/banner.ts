import type { PortalConfig } from './config.js';
import { OPEN311_PREFIX } from './open311/open311-mount.js';
import { demoPartnerKey } from './open311/open311-partners.js';
import type { CaseSeedReport } from './seed/onf-seed.js';
import type { SeedReport } from './seed/seed.js';

/** What the start-up banner tells a newcomer: where everything is and how to sign in. */
export function banner(
  config: PortalConfig,
  port: number,
  seed: SeedReport,
  caseSeed?: CaseSeedReport,
): string {
  const host = ['0.0.0.0', '::', ''].includes(config.hostname) ? 'localhost' : config.hostname;
  const url = `http://${host}:${port}`;
  const data = config.postgres
    ? `PostgreSQL${config.postgres.schema ? `, schema ${config.postgres.schema}` : ''} (shared by every portal process on it)`
    : config.dataDir === null
      ? 'in memory (--memory): everything is gone when the portal stops'
      : `${config.dataDir}  (delete it to start afresh)`;
  const demoData = !config.demo
    ? 'off (--no-demo)'
    : seed.seeded
      ? `${seed.messages} messages${caseSeed?.seeded ? ` and ${caseSeed.cases} ОНФ cards` : ''} in every status, created just now`
      : 'kept from the last run';
  const lines = [
    '',
    '  reshaem example portal · «Решаем вместе» on the embedded database',
    '',
    `  Portal      ${url}/`,
    config.demo
      ? `  Sign in     ${url}/sign-in  (pick any demo user: applicant, moderator, coordinator, executor, head, operator, ОНФ supervisor, curator…)`
      : `  Sign in     ${url}/sign-in  (with a user's token)`,
    ...(config.demo ? [`  Demo users  ${url}/demo/users  (their API tokens)`] : []),
    `  API         ${url}/api  ·  reference ${url}/api/docs  ·  ${url}/api/openapi.json`,
    ...(config.open311.enabled
      ? [
          `  Open311     ${url}${OPEN311_PREFIX}/discovery.json  (GeoReport v2; public messages)`,
          ...(config.demo
            ? [`              demo partner api_key: ${demoPartnerKey(config.tokenSecret)}`]
            : []),
        ]
      : []),
    ...(config.oidc
      ? [`  API tokens  OpenID Connect: access tokens of ${config.oidc.issuer}`]
      : []),
    `  Database    PGlite ${data}`,
    `  Demo data   ${demoData}`,
    `  Worker      timers and the outbox every ${config.workerIntervalMs / 1000} s, in this process; e-mails are printed below`,
    '',
    '  Press Ctrl+C to stop.',
    '',
  ];
  return lines.join('\n');
}
