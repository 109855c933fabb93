/** `npm run payer -- <command>`: see payer-commands.ts and `npm run payer -- --help`. */
import { dbUrl, stackSettings } from '../local/config.ts';
import { runPayerCommand, UsageError } from './payer-commands.ts';

try {
  await runPayerCommand(process.argv.slice(2), {
    out: (line) => console.log(line),
    defaultDbUrl: dbUrl(stackSettings('dev')),
  });
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`payer: ${error.message}\nSee npm run payer -- --help`);
  process.exitCode = 2;
}
