import { describe, expect, it } from 'vitest';
import { defaultDataDir, readConfig } from '../src/config.js';

describe('readConfig', () => {
  it('defaults to port 3000, the data directory, demo mode and a 5 s worker', () => {
    expect(readConfig([], {})).toEqual({
      port: 3000,
      hostname: '0.0.0.0',
      dataDir: defaultDataDir,
      demo: true,
      tokenSecret: 'reshaem-demo',
      workerIntervalMs: 5000,
    });
    expect(defaultDataDir).toMatch(/examples[/\\]portal[/\\]\.data[/\\]portal$/);
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      PORT: '8080',
      RESHAEM_DATA_DIR: '/tmp/x',
      RESHAEM_DEMO: '0',
      RESHAEM_TOKEN_SECRET: 's',
    };
    expect(readConfig([], env)).toMatchObject({
      port: 8080,
      dataDir: '/tmp/x',
      demo: false,
      tokenSecret: 's',
    });
    expect(readConfig(['--port', '0', '--memory'], env)).toMatchObject({ port: 0, dataDir: null });
    expect(readConfig(['--port=4000', '--no-demo', '--data-dir=/tmp/y'], {})).toMatchObject({
      port: 4000,
      demo: false,
      dataDir: '/tmp/y',
    });
    expect(readConfig([], { RESHAEM_MEMORY: 'true' }).dataDir).toBeNull();
  });

  it('refuses a port that is not one', () => {
    expect(() => readConfig([], { PORT: 'http' })).toThrow(/PORT must be a number/);
  });
});
