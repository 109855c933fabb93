/** Keeps the last lines a part of the stack printed, to show them when that part fails. */
export class PartLog {
  private readonly lines: string[] = [];

  constructor(
    readonly part: string,
    private readonly echo: ((line: string) => void) | undefined,
    private readonly keep = 40,
  ) {}

  write = (chunk: string): void => {
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      this.lines.push(line);
      if (this.lines.length > this.keep) this.lines.shift();
      this.echo?.(`[${this.part}] ${line}`);
    }
  };

  tail(count = 20): string {
    return this.lines.slice(-count).join('\n');
  }
}

/** A part that failed to start, carrying its last log lines. */
export class PartFailedError extends Error {
  constructor(
    readonly part: string,
    reason: string,
    readonly logTail: string,
  ) {
    super(`${part} failed to start: ${reason}`);
  }
}
