import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/ledger/schema/*.ts',
  out: './drizzle/sqlite',
});
