/**
 * Runs a stack in the foreground, as `npm start` does: progress lines while it starts, what the
 * supervisor reports while it runs, and a prompt stop on Ctrl-C (the stack's exit hook stops
 * every part, then exits). A part that cannot come back ends the process with one line and code 1.
 */
import type { StackSettings } from './config.ts';
import { PartFailedError } from './part-log.ts';
import { DataLockedError } from './data-lock.ts';
import {
  PortsBusyError,
  StackStoppedError,
  startStack,
  type RunningStack,
  type StartOptions,
} from './stack.ts';

export async function runInForeground(
  settings: StackSettings,
  options: Pick<StartOptions, 'withApp' | 'verbose' | 'fresh'> & {
    banner(stack: RunningStack): string;
    logsDir: string;
  },
): Promise<void> {
  process.once('SIGINT', () => console.log('\n  Ctrl-C: stopping every part…'));
  let stack: RunningStack;
  try {
    stack = await startStack(settings, {
      withApp: options.withApp,
      verbose: options.verbose,
      fresh: options.fresh,
      onProgress: (m) => console.log(`  ${m}`),
      onEvent: (text) => console.log(`  ${text}`),
      onFatal: (line) => {
        console.error(`\n  ${line}`);
        process.exit(1);
      },
    });
  } catch (error) {
    // Ctrl-C while starting: the exit hook is stopping what had started, and then exits
    if (error instanceof StackStoppedError) return;
    if (error instanceof PortsBusyError || error instanceof DataLockedError) {
      console.error(`\n${error.message}\n`);
    } else if (error instanceof PartFailedError) {
      console.error(
        `\n${error.message}\nLast lines from ${error.part}:\n${error.logTail || '(no output)'}\n`,
      );
      console.error(`Every other part was stopped. Full logs: ${options.logsDir}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  }
  console.log(options.banner(stack));
  process.once('exit', (code) => {
    if (code !== 1) console.log('  Stopped. Your data is kept; `npm run db:reset` starts clean.');
  });
}
