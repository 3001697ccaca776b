import { defineConfig } from 'vitest/config';

/**
 * `npm run test:soak`: the fault suite (test/faults) run long, outside CI. Same tests, scaled by
 * the environment: minutes of faults per scenario, at least 1M replies checked in the proxy run,
 * thousands of fast-check runs. Override any of these from the shell.
 */
const soak: Record<string, string> = {
  FAULT_PROXY_MS: '240000',
  FAULT_PROXY_MIN_REPLIES: '1000000',
  FAULT_SERVER_MS: '240000',
  FAULT_SERVER_MIN_REPLIES: '1000000',
  CLEAN_EXIT_MS: '180000',
  MATCHING_RUNS: '1500',
  HOSTILE_RUNS: '5000',
};

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    env: Object.fromEntries(Object.entries(soak).map(([key, value]) => [key, process.env[key] ?? value])),
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
