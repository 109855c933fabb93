/**
 * The result files: `bench/results/<date>-<commit>.json`, one per run, with the machine it ran
 * on; and the comparison of a run with the previous file, naming every figure more than 20 %
 * worse.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Figure } from './figures.ts';
import { round } from './stats.ts';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  /** 1, 5 and 15 minute load averages when the run started. */
  loadAverageAtStart: number[];
  node: string;
}

export interface ResultFile {
  measuredAt: string;
  commit: string;
  groups: string[];
  machine: Machine;
  runtimeSeconds: Record<string, number>;
  figures: Figure[];
}

export const worseThreshold = 0.2;

export function describeMachine(): Machine {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
    node: process.version,
  };
}

/** `2026-12-07T11-05-00Z-f1f1088.json`: sorts by time, names the code measured. */
export function resultFileName(at: Date, commit: string): string {
  return `${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z-${commit}.json`;
}

export interface Change {
  figure: string;
  before: number;
  after: number;
  /** How much worse (0.25 = 25 % worse); negative when better. */
  worse: number;
}

/** Every figure with a number in both runs, and how it moved; `worse` > threshold means it got worse. */
export function compareFigures(previous: Figure[], current: Figure[]): Change[] {
  const before = new Map(previous.filter((f) => f.measure).map((f) => [f.figure, f.measure!]));
  const changes: Change[] = [];
  for (const f of current) {
    const old = before.get(f.figure);
    if (!f.measure || !old || old.value === 0) continue;
    const moved = (f.measure.value - old.value) / Math.abs(old.value);
    changes.push({
      figure: f.figure,
      before: old.value,
      after: f.measure.value,
      worse: round(f.measure.better === 'lower' ? moved : -moved, 3),
    });
  }
  return changes;
}

const resultsDir = (root: string) => path.join(root, 'bench/results');

/** The commit measured: read when the run starts, since the tree may move during a long run. */
export async function commitOf(root: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--short', 'HEAD'], { cwd: root });
    return stdout.trim();
  } catch {
    return 'unknown';
  }
}

/** The newest earlier result file, if any (files named by `resultFileName` sort by time). */
async function previousResult(root: string): Promise<{ name: string; result: ResultFile } | null> {
  const names = (await readdir(resultsDir(root)).catch(() => [] as string[]))
    .filter((n) => /^\d{4}-\d\d-\d\dT.*\.json$/.test(n))
    .sort();
  const name = names.at(-1);
  if (!name) return null;
  return {
    name,
    result: JSON.parse(await readFile(path.join(resultsDir(root), name), 'utf8')) as ResultFile,
  };
}

/** Writes this run's file and prints how it moved against the previous one. */
export async function writeResult(
  root: string,
  run: Omit<ResultFile, 'commit' | 'measuredAt'>,
  startedAt: Date,
  commit: string,
): Promise<string> {
  const previous = await previousResult(root);
  const result: ResultFile = { measuredAt: startedAt.toISOString(), commit, ...run };
  await mkdir(resultsDir(root), { recursive: true });
  const name = resultFileName(startedAt, result.commit);
  await writeFile(path.join(resultsDir(root), name), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nFigures written to bench/results/${name}`);
  if (!previous) {
    console.log('No earlier result file to compare with.');
    return name;
  }
  const changes = compareFigures(previous.result.figures, run.figures);
  const worse = changes.filter((c) => c.worse > worseThreshold);
  console.log(
    `Against ${previous.name}: ${changes.length} figures in both runs, ${worse.length} more than ${worseThreshold * 100} % worse.`,
  );
  for (const c of worse)
    console.log(`  worse by ${round(c.worse * 100, 0)} %: ${c.figure} (${c.before} → ${c.after})`);
  return name;
}
