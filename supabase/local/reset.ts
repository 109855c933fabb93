/**
 * `npm run db:reset`: throws away the dev database and inbox, then rebuilds the database from
 * the migrations and the demo seed. Refuses while a stack runs on the dev folder.
 */
import { stackSettings } from './config.ts';
import { DataLockedError } from './data-lock.ts';
import { resetDatabase } from './reset-database.ts';

const lines: string[] = [];
try {
  await resetDatabase(stackSettings('dev'), (line) => lines.push(line));
} catch (error) {
  const message = (error as Error).message;
  console.error(error instanceof DataLockedError ? message : `${message}\n${lines.slice(-20).join('\n')}`);
  process.exit(1);
}
console.log('Database reset: migrations applied and demo data loaded. Run `npm start`.');
