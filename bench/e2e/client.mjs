/**
 * One load process of bench/e2e.ts, forked by it. Its virtual users play whole message lives
 * over keep-alive HTTP on loopback, each step as the role that takes it in a portal, with
 * the bearer token of that user and `If-Match` set to the version the previous step returned:
 *
 *   submit (applicant) → moderation.accept (moderator) → executor.assign (coordinator)
 *   → work.take (executor) → answer.submit (executor) → answer.approve (head)
 *   → rating.submit (applicant)
 *
 * Closed loop (`mode: 'closed'`): `concurrency` users, each sends its next request when the
 * previous one is answered. Open loop (`mode: 'open'`): requests leave at a fixed `rate` per
 * second whatever the answers do; each takes the next step of a life that is waiting (or
 * starts a new one), and its latency runs from the instant it was due, so a slow server
 * cannot hide its queue (no coordinated omission).
 *
 * It gets its orders over IPC and answers with `{ requests, seconds, latencies, failures }`
 * (and, open loop, `dropped`: requests not sent because every socket was still busy).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** The steps of a life after the submit: who takes each one, and its body. */
export const STEPS = [
  { as: 'moderator', body: { type: 'moderation.accept' } },
  { as: 'coordinatorRoads', body: { type: 'executor.assign', executorId: 'exec-kam-roads' } },
  { as: 'executorRoads', body: { type: 'work.take' } },
  {
    as: 'executorRoads',
    body: {
      type: 'answer.submit',
      answer: { type: 'resolved', text: 'Яма заделана, акт приёмки работ приложен' },
    },
  },
  { as: 'headRoads', body: { type: 'answer.approve' } },
  { as: 'applicant', body: { type: 'rating.submit', score: 5, comment: 'Спасибо' } },
].map((step) => ({ ...step, text: JSON.stringify(step.body) }));

const SUBMIT = JSON.stringify({
  channel: 'epgu_form',
  orgId: 'kam-roads',
  regionCode: '41',
  applicant: { name: 'Иванов Иван Иванович', email: 'ivanov@example.ru' },
  problemAddress: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
  text: 'Глубокая яма на проезжей части у дома 5',
  categoryId: 'roads',
  subcategoryId: 'potholes',
  factId: 'pothole-street',
});

function run({ port, tokens, mode, seconds, concurrency, rate }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const auth = Object.fromEntries(Object.entries(tokens).map(([k, t]) => [k, `Bearer ${t}`]));
  const latencies = [];
  const failures = [];

  /** One request; resolves with its status, ETag and body text. */
  const send = (path, as, text, etag) =>
    new Promise((resolve, reject) => {
      const headers = {
        authorization: auth[as],
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      };
      if (etag) headers['if-match'] = etag;
      const request = http.request(
        { host: '127.0.0.1', port, method: 'POST', path, agent, headers },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () =>
            resolve({ status: response.statusCode, etag: response.headers.etag, body }),
          );
        },
      );
      request.on('error', reject);
      request.end(text);
    });

  /** The next step of a life (`life.step` 0 is the submit); the life moves on when it succeeds. */
  const step = async (life) => {
    const answer =
      life.step === 0
        ? await send('/messages', 'applicant', SUBMIT)
        : await send(
            `/messages/${life.id}/events`,
            STEPS[life.step - 1].as,
            STEPS[life.step - 1].text,
            life.etag,
          );
    if (answer.status !== (life.step === 0 ? 201 : 200)) {
      if (failures.length < 5) failures.push(`${answer.status} ${answer.body.slice(0, 300)}`);
      else failures.push(answer.status);
      return false;
    }
    if (life.step === 0) life.id = JSON.parse(answer.body).id;
    life.etag = answer.etag;
    life.step = (life.step + 1) % (STEPS.length + 1);
    return true;
  };

  const began = performance.now();
  const until = began + seconds * 1000;

  if (mode === 'closed') {
    const user = async () => {
      const life = { step: 0 };
      while (performance.now() < until) {
        const t0 = performance.now();
        const ok = await step(life);
        latencies.push(performance.now() - t0);
        if (!ok) life.step = 0;
      }
    };
    return Promise.all(Array.from({ length: concurrency }, user)).then(() => ({
      requests: latencies.length,
      seconds: (performance.now() - began) / 1000,
      latencies,
      failures,
    }));
  }

  // Open loop: request k is due at began + k / rate.
  return new Promise((resolve) => {
    const waiting = [];
    const interval = 1000 / rate;
    let due = 0;
    let inFlight = 0;
    let dropped = 0;
    let stopped = false;
    // A request that finds every socket busy means the server has fallen behind: it is
    // counted as dropped, not queued without end (the p99 is then only a lower bound).
    const backlog = concurrency;
    const finish = () => {
      if (stopped && inFlight === 0) {
        resolve({
          requests: latencies.length,
          seconds: (performance.now() - began) / 1000,
          latencies,
          failures,
          dropped,
        });
      }
    };
    const fire = (at) => {
      if (inFlight >= backlog) {
        dropped += 1;
        return;
      }
      const life = waiting.shift() ?? { step: 0 };
      inFlight += 1;
      step(life).then((ok) => {
        latencies.push(performance.now() - at);
        if (!ok) life.step = 0;
        waiting.push(life);
        inFlight -= 1;
        finish();
      });
    };
    const tick = () => {
      const now = performance.now();
      while (began + due * interval <= now && began + due * interval < until) {
        fire(began + due * interval);
        due += 1;
      }
      if (began + due * interval >= until) {
        stopped = true;
        finish();
        return;
      }
      setTimeout(tick, Math.max(0, began + due * interval - performance.now()));
    };
    tick();
  });
}

process.on('message', async (orders) => {
  const result = await run(orders);
  process.send(result, () => process.exit(0));
});
