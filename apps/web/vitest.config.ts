import { defineConfig } from 'vitest/config';

// Unit tests of pure web code, in Node: no browser, no server. The browser journeys have their own config (e2e/).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
