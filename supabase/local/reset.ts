/**
 * `npm run db:reset`: throws away the dev database and inbox, then rebuilds the database from
 * the migrations and the demo seed. Refuses while `npm start` is running.
 */
import { rm } from 'node:fs/promises';
import { stackSettings } from './config.ts';
import { startDatabase } from './database.ts';
import { busyPortMessage, busyPorts } from './ports.ts';

const settings = stackSettings('dev');
const busy = await busyPorts(settings.ports);
if (busy.includes('db')) {
  console.error(`${busyPortMessage(settings.ports, ['db'], 'dev')}\nStop \`npm start\` (Ctrl-C) before resetting the database.`);
  process.exit(1);
}
await rm(settings.stackDir, { recursive: true, force: true });
const lines: string[] = [];
try {
  const db = await startDatabase(settings, (line) => lines.push(line), { fresh: true });
  await db.stop();
} catch (error) {
  console.error(`${(error as Error).message}\n${lines.slice(-20).join('\n')}`);
  process.exit(1);
}
console.log('Database reset: migrations applied and demo data loaded. Run `npm start`.');
