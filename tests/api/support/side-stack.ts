/**
 * Stacks of their own beside the suite's stack, for the tests that start, break or kill one. API
 * test files run at the same time, so every side stack gets its own folder and its own port
 * shift from this one list (a stack spans 12 ports: shifts 50 apart never overlap).
 */
import path from 'node:path';
import { stackSettings, type StackSettings } from '../../../supabase/local/config.ts';

const portShifts = {
  orchestrator: 200,
  supervised: 250,
  lock: 300,
  'lock-second-start': 350,
  'pg-fail': 400,
} as const;

export type SideStackName = keyof typeof portShifts;

export function sideStack(name: SideStackName, folder: string = name): StackSettings {
  const base = stackSettings('test');
  const shift = portShifts[name];
  const ports = Object.fromEntries(Object.entries(base.ports).map(([k, v]) => [k, v + shift])) as StackSettings['ports'];
  const stackDir = `${base.stackDir}-${folder}`;
  return { ...base, ports, stackDir, dataDir: path.join(stackDir, 'db'), inboxFile: path.join(stackDir, 'inbox.jsonl'), siteUrl: `http://localhost:${ports.app}` };
}
