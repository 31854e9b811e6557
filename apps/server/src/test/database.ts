import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../platform/db/client.js';
import { withDatabase } from './global-setup.js';

/** A fresh database for one test file, cloned from the migrated template. */
export async function cloneTestDatabase(): Promise<DatabaseHandle & { url: string }> {
  const template = inject('templateDatabase');
  const url = inject('databaseUrl');
  const name = `${template}_c_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // CREATE DATABASE … TEMPLATE fails while another clone of the same template is being made: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const cloneUrl = withDatabase(url, name);
  const handle = await openDatabase({ kind: 'postgres', url: cloneUrl, poolSize: 5 });
  return Object.assign(handle, { url: cloneUrl });
}
