// The ledger's migrations are generated files: the schema in src-main/ledger/schema must not drift from
// them, and a fresh ledger must come up with every table the schema declares.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { SQLITE_MIGRATIONS_DIR, openLedger } from '../../src-main/ledger/connection.js';
import { ledgerSchema } from '../../src-main/ledger/schema.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asiria-migrations-'));
  dirs.push(dir);
  return dir;
}

describe('ledger migrations', () => {
  it('match the schema: drizzle-kit has nothing new to generate', () => {
    const out = join(tempDir(), 'sqlite');
    cpSync(SQLITE_MIGRATIONS_DIR, out, { recursive: true });
    const before = readdirSync(out).sort();
    const run = spawnSync(
      join(ROOT, 'node_modules/.bin/drizzle-kit'),
      [
        'generate',
        '--dialect',
        'sqlite',
        '--schema',
        './src-main/ledger/schema/*.ts',
        '--out',
        relative(ROOT, out),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('No schema changes');
    expect(readdirSync(out).sort()).toEqual(before);
  });

  it('bring a fresh ledger up with every table of the schema and the product search index', () => {
    const ledger = openLedger(join(tempDir(), 'ledger.sqlite'));
    try {
      const tables = new Set(
        (
          ledger.raw.prepare("select name from sqlite_master where type = 'table'").all() as {
            name: string;
          }[]
        ).map((r) => r.name),
      );
      const declared = Object.values(ledgerSchema).map((t) => getTableConfig(t as SQLiteTable).name);
      expect(declared.length).toBeGreaterThan(20);
      for (const name of declared) expect(tables, name).toContain(name);
      expect(tables).toContain('products_fts');
      expect(ledger.raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ledger.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(ledger.raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ledger.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    } finally {
      ledger.close();
    }
  });

  it('are applied once: reopening a ledger keeps its data and reruns nothing', () => {
    const file = join(tempDir(), 'ledger.sqlite');
    const first = openLedger(file);
    first.raw.prepare("insert into document_counters (kind, last) values ('sale', 41)").run();
    const applied = (first.raw.prepare('select count(*) n from __drizzle_migrations').get() as { n: number })
      .n;
    first.close();
    const second = openLedger(file);
    try {
      expect(
        (second.raw.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n,
      ).toBe(applied);
      expect(second.raw.prepare("select last from document_counters where kind = 'sale'").get()).toEqual({
        last: 41,
      });
    } finally {
      second.close();
    }
  });
});
