import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// Libraries every page uses, in chunks of their own: they change less often than the application, so a browser
// keeps them cached across releases. Mantine is left to Rollup, which splits it per component so that the sign-in
// page does not download the date, table and menu code of the pages behind it.
const vendorChunks: Record<string, string> = {
  react: 'react',
  'react-dom': 'react',
  scheduler: 'react',
  '@tanstack': 'tanstack',
  i18next: 'i18n',
  'react-i18next': 'i18n',
};

function vendorChunk(id: string): string | undefined {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
  if (!match?.[1]) return undefined;
  const name = match[1];
  return vendorChunks[name] ?? vendorChunks[name.split('/')[0] ?? ''];
}

export default defineConfig({
  // Every text file also as .br and .gz, compressed once at build at the highest levels, for the server to send
  // as they are (no compression work per request). Source maps are left alone: only developers fetch them.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, exclude: [/\.map$/] })],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.RAMPART_API_URL ?? 'http://localhost:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { output: { manualChunks: vendorChunk } },
  },
});
