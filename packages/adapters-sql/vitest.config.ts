import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@reshaem/source'] },
  ssr: { resolve: { conditions: ['@reshaem/source'] } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    // PGlite boots a WebAssembly PostgreSQL on first use: seconds, more on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
