import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@reshaem/source'] },
  ssr: { resolve: { conditions: ['@reshaem/source'] } },
  test: {
    // Every test file builds its own stores and apps; none mocks modules or keeps module
    // state, so files share one module graph per worker instead of re-importing it.
    isolate: false,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
