/**
 * `npm start`: the whole product on this machine. Keeps its data between starts
 * (`npm run db:reset` starts clean). Ctrl-C stops every part.
 */
import { stackSettings } from './config.ts';
import { DataLockedError } from './data-lock.ts';
import { PartFailedError } from './part-log.ts';
import { PortsBusyError, startStack, type RunningStack } from './stack.ts';

const demoLogins: [role: string, email: string][] = [
  ['Org admin', 'maya.okafor@harborviewcounseling.com'],
  ['Scheduler', 'luis.romero@harborviewcounseling.com'],
  ['Therapist', 'priya.raman@harborviewcounseling.com'],
  ['Admin + therapist, clinic without the program', 'grace.lindqvist@cedarridgetherapy.com'],
];

function banner(stack: RunningStack): string {
  const logins = demoLogins.map(([role, email]) => `    ${role.padEnd(48)} ${email}`).join('\n');
  return `
  Client Referral Program is running.

    App          ${stack.urls.app}
    Dev inbox    ${stack.urls.inbox}
    API          ${stack.urls.api}   (anon key: VITE_SUPABASE_ANON_KEY below)
    Postgres     ${stack.urls.db}
    Logs         .local/dev/logs/

  Demo logins (password for all: referral-demo)
${logins}

  VITE_SUPABASE_ANON_KEY=${stack.keys.anonKey}

  Press Ctrl-C to stop.
`;
}

async function main(): Promise<void> {
  let settings;
  try {
    settings = stackSettings('dev');
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const verbose = process.env.CRP_VERBOSE === '1';
  let stack: RunningStack;
  try {
    stack = await startStack(settings, { withApp: true, verbose, onProgress: (m) => console.log(`  ${m}`) });
  } catch (error) {
    if (error instanceof PortsBusyError || error instanceof DataLockedError) {
      console.error(`\n${error.message}\n`);
    } else if (error instanceof PartFailedError) {
      console.error(`\n${error.message}\nLast lines from ${error.part}:\n${error.logTail || '(no output)'}\n`);
      console.error('Every other part was stopped. Full logs: .local/dev/logs/');
    } else {
      console.error(error);
    }
    process.exit(1);
  }
  console.log(banner(stack));

  // the stack's exit hook stops every part on Ctrl-C, SIGTERM or SIGHUP, then exits
  process.once('SIGINT', () => console.log('\n  Ctrl-C: stopping every part…'));
  process.once('exit', () => console.log('  Stopped. Your data is kept; `npm run db:reset` starts clean.'));
}

await main();
