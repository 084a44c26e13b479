/**
 * The load generator of bench/http.ts, in a process of its own so that it does not share the
 * server's event loop: autocannon keeps CONNECTIONS keep-alive connections busy for SECONDS,
 * each request `registration.update` with a fresh registration number on the next of the
 * given messages, as their coordinator. Prints one line of JSON with the totals.
 *
 *   node bench/http-load.mjs PORT SECONDS CONNECTIONS ID,ID,…
 */
import autocannon from 'autocannon';

const [port, seconds, connections, idList] = process.argv.slice(2);
const ids = (idList ?? '').split(',');
let n = 0;

const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => {
        n += 1;
        return {
          ...request,
          path: `/messages/${ids[n % ids.length]}/events`,
          headers: { authorization: 'Bearer coordinatorRoads', 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'registration.update', registrationNumber: `L-${n}` }),
        };
      },
    },
  ],
});

process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    seconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
  })}\n`,
);
