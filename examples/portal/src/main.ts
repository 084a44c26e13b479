import { banner } from './banner.js';
import { readConfigOrExit } from './config-check.js';
import { createPortal } from './portal.js';
import { listen, PortBusyError } from './server.js';
import { startupErrorLine } from './startup-error.js';

/** `npm start`: the example portal with the worker, until Ctrl+C. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = readConfigOrExit(process.argv.slice(2), process.env);
  const where = config.postgres ? 'PostgreSQL' : (config.dataDir ?? 'in-memory database');
  console.log(`Starting the reshaem example portal (${where})…`);
  const portal = await createPortal(config);
  let listening: Awaited<ReturnType<typeof listen>>;
  try {
    listening = await listen(portal.app, {
      port: config.port,
      hostname: config.hostname,
      ...config.server,
    });
  } catch (error) {
    await portal.close();
    if (error instanceof PortBusyError) {
      console.error(
        `\nPort ${error.port} is already in use — is the portal running in another terminal?\n` +
          `Stop it, or choose another port: PORT=3001 npm start\n`,
      );
      process.exit(1);
    }
    throw error;
  }
  console.log(banner(config, listening.port, portal.seed, portal.caseSeed));
  console.log(
    `  Ready in ${((Date.now() - started) / 1000).toFixed(1)} s, listening on port ${listening.port}.\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the server, the worker and the database…`);
    await listening.close();
    await portal.close();
    console.log('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const line = startupErrorLine(error);
  if (line === null) console.error('The portal could not start:', error);
  else console.error(line);
  process.exit(1);
});
