import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOpenApi } from '../cli/openapi.js';

/**
 * `npm run openapi -w apps/server [-- <output>]`: the same document as `rampart openapi`, run from source with tsx
 * (the web build generates its typed client from it before the server is compiled). Default apps/server/openapi.json.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const output = path.resolve(process.argv[2] ?? path.join(here, '../../openapi.json'));
await writeOpenApi(output);
console.log(`OpenAPI document written to ${path.relative(process.cwd(), output) || output}`);
