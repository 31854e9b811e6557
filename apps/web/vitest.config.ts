import { defineConfig } from 'vitest/config';

// Unit tests of web code, no browser and no server: pure code in Node (`*.test.ts`), and components in happy-dom
// (`*.test.tsx`, a simulated DOM) for the shared kit in app/ui. The browser journeys have their own config (e2e/).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'components',
          include: ['src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/test/setup-dom.ts'],
        },
      },
    ],
  },
});
