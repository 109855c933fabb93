/**
 * A stack of its own for the supervision tests, run as `npm start` runs one (runInForeground),
 * in a process of its own: `tsx tests/api/support/supervised-stack.ts`. Its ports and folder are its
 * own (side-stack.ts), so killing its parts never touches the suite's.
 * CRP_SUPERVISED_WITH_APP=1 serves the app too.
 */
import path from 'node:path';
import type { StackSettings } from '../../../supabase/local/config.ts';
import { runInForeground } from '../../../supabase/local/run.ts';
import { sideStack } from './side-stack.ts';

export const supervisedStackSettings = (): StackSettings => sideStack('supervised');

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const settings = supervisedStackSettings();
  await runInForeground(settings, {
    withApp: process.env.CRP_SUPERVISED_WITH_APP === '1',
    banner: (stack) => `stack is running at ${stack.urls.api}`,
    logsDir: path.join(settings.stackDir, 'logs'),
  });
}
