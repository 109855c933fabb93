/** `npm run db:types`: regenerates src/types/database.types.ts from the migrations. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { stackSettings } from './config.ts';
import { acquireDataLock } from './data-lock.ts';
import { startDatabase } from './database.ts';
import { typesFile, writeTypes } from './generate-types.ts';

// a throwaway database of its own, so this can run beside `npm start` and `npm test` (its port,
// 5 above the test database, is none of the test stack's: 10 above was the edge runtime's)
const test = stackSettings('test');
const stackDir = `${test.stackDir}-types`;
const settings = {
  ...test,
  stackDir,
  dataDir: path.join(stackDir, 'db'),
  ports: { ...test.ports, db: test.ports.db + 5 },
};
const lock = acquireDataLock(settings, 'npm run db:types');
const db = await startDatabase(settings, () => {}, { fresh: true });
try {
  await writeTypes(db.url);
  console.log(`Wrote ${path.relative(process.cwd(), typesFile)}`);
} finally {
  await db.stop();
  lock.release();
  await rm(stackDir, { recursive: true, force: true });
}
