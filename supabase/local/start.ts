/**
 * `npm start`: the whole product on this machine. Keeps its data between starts
 * (`npm run db:reset` starts clean). Ctrl-C stops every part; a part that dies is restarted.
 */
import { stackSettings } from './config.ts';
import { runInForeground } from './run.ts';
import type { RunningStack } from './stack.ts';

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
  await runInForeground(settings, {
    withApp: true,
    verbose: process.env.CRP_VERBOSE === '1',
    banner,
    logsDir: '.local/dev/logs/',
  });
}

await main();
