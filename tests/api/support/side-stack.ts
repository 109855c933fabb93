/**
 * Stacks of their own beside the suite's stack, for the tests that start, break or kill one. API
 * test files run at the same time, so every side stack gets its own folder and its own ports from
 * this one list (a stack spans 12 ports: slots 50 apart never overlap). Their API ports sit below
 * 32768, out of the range Linux hands out to outgoing connections (32768–60999): a stack started
 * mid-run could otherwise find one of its ports taken by a test's own client socket.
 */
import path from 'node:path';
import { stackSettings, type StackSettings } from '../../../supabase/local/config.ts';

const slots = {
  orchestrator: 0,
  supervised: 1,
  lock: 2,
  'lock-second-start': 3,
  'pg-fail': 4,
} as const;

export type SideStackName = keyof typeof slots;

/** How far below the suite's API ports the side stacks sit (55321 → 31321 with the default offset). */
const belowOutgoingRange = 24_000;

export function sideStack(name: SideStackName, folder: string = name): StackSettings {
  const base = stackSettings('test');
  const shift = 50 * slots[name];
  // the app's port (6173 by default) is already below the outgoing range
  const ports = Object.fromEntries(
    Object.entries(base.ports).map(([k, v]) => [
      k,
      k === 'app' ? v + 200 + shift : v - belowOutgoingRange + shift,
    ]),
  ) as StackSettings['ports'];
  const stackDir = `${base.stackDir}-${folder}`;
  return {
    ...base,
    ports,
    stackDir,
    dataDir: path.join(stackDir, 'db'),
    inboxFile: path.join(stackDir, 'inbox.jsonl'),
    siteUrl: `http://localhost:${ports.app}`,
  };
}
