import { createServer } from 'node:net';
import { createDemoDirectory } from '@reshaem/core/testing';
import { createSkyInspector, createWebSocketInspector } from '@statelyai/inspect';
import { createInspectorServer } from '@statelyai/inspect/server';
import type { InspectionEvent, Observer } from 'xstate';
import { createOfflineInspector, flushInspector } from './offline.js';
import { type PlayedStep, playScenario } from './play.js';
import { scenario } from './scenario.js';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(`--${name}`);
  return (at >= 0 ? argv[at + 1] : undefined) ?? fallback;
};

const HELP = `npm run inspect [-- options]

Plays a scripted ПОС scenario through the real message machine and shows it in the
Stately inspector. Three messages together visit every status: a pothole in Kamchatka
(deadline timers, an extension, a postponed answer, a return for rework, a low rating and
re-review, an overdue deadline), a call to the Ulyanovsk 112 centre (e-mail, delivery by
phone, the rating window closing) and a rejected message.

  (default)      a local relay on http://localhost:8080 that embeds stately.ai/inspect;
                 open that page in a browser (it needs the internet for the inspector UI)
  --sky          Stately Sky: prints a stately.ai/inspect/… link you can open anywhere
  --offline      no browser, no network: prints every inspection event in the terminal
  --port N       the relay's port (default 8080)
  --delay MS     pause between steps (default 1500 live, 0 offline)
  --no-open      do not try to open the browser
`;

const freePort = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });

function narrate(step: PlayedStep) {
  const at = step.at.slice(0, 16).replace('T', ' ');
  console.log(
    `  ${step.message}  ${at}Z  ${step.type.padEnd(28)} → ${step.status.padEnd(17)} ${step.say}`,
  );
}

async function live(): Promise<{ inspect: Observer<InspectionEvent>; stop: () => void }> {
  if (flag('sky')) {
    const inspector = createSkyInspector({
      onerror: (e) => console.error('Stately Sky:', e.message),
    });
    console.log('Connecting to Stately Sky; the link to open appears below once connected.\n');
    return { inspect: inspector.inspect, stop: () => inspector.stop() };
  }
  const port = Number(option('port', '8080'));
  if (!(await freePort(port))) {
    console.error(`Port ${port} is busy: choose another with  npm run inspect -- --port 8081`);
    process.exit(1);
  }
  const server = createInspectorServer({ port, autoOpen: !flag('no-open') });
  const inspector = createWebSocketInspector({ url: `ws://localhost:${port}` });
  console.log(
    `Open http://localhost:${port} in a browser: the Stately inspector shows each message`,
  );
  console.log('as an actor; pick one to see its state chart and every event.\n');
  return {
    inspect: inspector.inspect,
    stop: () => {
      inspector.stop();
      server.stop();
    },
  };
}

async function main() {
  if (flag('help') || flag('h')) {
    console.log(HELP);
    return;
  }
  const directory = createDemoDirectory();
  if (flag('offline')) {
    const inspector = createOfflineInspector((line) => console.log(line));
    const delayMs = Number(option('delay', '0'));
    await playScenario(scenario, { directory, inspect: inspector.inspect, delayMs });
    await flushInspector();
    return;
  }
  const { inspect, stop } = await live();
  const delayMs = Number(option('delay', '1500'));
  await playScenario(scenario, { directory, inspect, onStep: narrate, delayMs });
  console.log('\nThe scenario is over; the inspector keeps it. Press Ctrl+C to stop.');
  process.once('SIGINT', () => {
    stop();
    process.exit(0);
  });
  setInterval(() => {}, 60_000);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
