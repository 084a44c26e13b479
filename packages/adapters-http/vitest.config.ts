import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@reshaem/source'] },
  ssr: { resolve: { conditions: ['@reshaem/source'] } },
  test: {
    // Streaming 100,000 export rows takes seconds; CI runs packages side by side on 2 cores.
    testTimeout: 60_000,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
