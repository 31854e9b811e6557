import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'rampart-config-'));

describe('loadConfig', () => {
  it('uses the embedded database and a generated, persisted secret by default', () => {
    const dir = dataDir();
    const config = loadConfig({ RAMPART_DATA_DIR: dir });
    expect(config.database).toEqual({ kind: 'embedded', dir: path.join(dir, 'postgres'), poolSize: 10 });
    expect(config.port).toBe(8080);
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(config.sessionSecret);
    expect(loadConfig({ RAMPART_DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
    expect(config.runWorker).toBe(true);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    const config = loadConfig({ RAMPART_DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@db:5432/rampart' });
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgres://u@db:5432/rampart' });
  });

  it('refuses bad values and names each variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', RAMPART_DATA_DIR: dataDir() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('DATABASE_URL');
    expect(problems).toContain('LOG_LEVEL');
  });

  it('has no secret defaults in production', () => {
    const dir = dataDir();
    expect(() => loadConfig({ NODE_ENV: 'production', RAMPART_DATA_DIR: dir })).toThrow(/SESSION_SECRET/);
    expect(existsSync(path.join(dir, 'session-secret'))).toBe(false);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short', PUBLIC_URL: 'https://grc.example.com' }),
    ).toThrow(/at least 32/);
    const ok = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://grc.example.com/',
      RAMPART_DATA_DIR: dir,
    });
    expect(ok.publicUrl).toBe('https://grc.example.com');
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ RAMPART_DATA_DIR: dataDir(), DATABASE_URL: '', PORT: '' });
    expect(config.database.kind).toBe('embedded');
    expect(config.port).toBe(8080);
  });
});
