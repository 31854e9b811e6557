import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.js';

describe('data directory lock', () => {
  it('refuses a second holder while the first lives, and frees the directory on release', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rampart-lock-'));
    // A live process that is not us holds the lock.
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(path.join(dir, 'rampart.lock'), String(sleeper.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(/Another Rampart process/);
    } finally {
      sleeper.kill();
      await new Promise((resolve) => sleeper.once('exit', resolve));
    }
    // The holder is gone: its lock is stale and is taken over.
    const release = acquireDataDirLock(dir);
    expect(existsSync(path.join(dir, 'rampart.lock'))).toBe(true);
    release();
    expect(existsSync(path.join(dir, 'rampart.lock'))).toBe(false);
  });
});
