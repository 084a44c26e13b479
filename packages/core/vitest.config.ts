import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@reshaem/source'] },
  ssr: { resolve: { conditions: ['@reshaem/source'] } },
  test: {
    // Every test file builds its own stores and apps; none mocks modules or keeps module
    // state, so files share one module graph per worker instead of re-importing it.
    isolate: false,
    // Property walks take a second alone; CI runs packages side by side on 2 cores.
    testTimeout: 30_000,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Types do not depend on the Node version: .ci/run checks them on its first Node only.
    typecheck: {
      enabled: process.env.RESHAEM_TYPECHECK !== 'off',
      include: ['test/**/*.test-d.ts'],
    },
  },
});
