import { defineConfig } from 'drizzle-kit';

// drizzle-kit only *generates* migrations; the app applies them at start (see src/platform/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './migrations',
  casing: 'snake_case',
});
