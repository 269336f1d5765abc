import { defineConfig } from 'vitest/config';

// Three tiers by suffix (docs/architecture.md): unit tests are pure; int and e2e tests run against the real
// PostgreSQL, Redis and Kafka that the global setup finds or starts.
const exclude = ['**/node_modules/**', '**/.tools/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{packages,services,bench}/**/*.unit.spec.ts'],
          exclude,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'int',
          include: ['{packages,services}/**/*.int.spec.ts'],
          exclude,
          globalSetup: ['./packages/testing/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files share one broker and one PostgreSQL server: two at a time suits a 2-core machine.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          // bench/chaos: the fault harness's short form, on servers of its own (its README).
          include: ['{packages,services,bench}/**/*.e2e.spec.ts'],
          exclude,
          // The web e2e files share one system and one browser, started only when the run has some.
          globalSetup: [
            './packages/testing/src/global-setup.ts',
            './services/web/src/testing/global-setup.ts',
          ],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
