/**
 * A stack of its own for the supervision tests, run as `npm start` runs one (runInForeground),
 * in a process of its own: `tsx tests/api/support/supervised-stack.ts`. Its ports sit 250 above
 * the suite's stack and its folder beside it, so killing its parts never touches the suite's.
 * CRP_SUPERVISED_WITH_APP=1 serves the app too.
 */
import path from 'node:path';
import { stackSettings, type StackSettings } from '../../../supabase/local/config.ts';
import { runInForeground } from '../../../supabase/local/run.ts';

export function supervisedStackSettings(): StackSettings {
  const base = stackSettings('test');
  const ports = Object.fromEntries(Object.entries(base.ports).map(([k, v]) => [k, v + 250])) as StackSettings['ports'];
  const stackDir = `${base.stackDir}-supervised`;
  return { ...base, ports, stackDir, dataDir: path.join(stackDir, 'db'), inboxFile: path.join(stackDir, 'inbox.jsonl'), siteUrl: `http://localhost:${ports.app}` };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const settings = supervisedStackSettings();
  await runInForeground(settings, {
    withApp: process.env.CRP_SUPERVISED_WITH_APP === '1',
    banner: (stack) => `stack is running at ${stack.urls.api}`,
    logsDir: path.join(settings.stackDir, 'logs'),
  });
}
