/**
 * The load generator, in a process of its own (the stack's gateway, auth and inbox run in the
 * harness's process: traffic generated there would share their event loop). Reads a spec (JSON,
 * the file named by argv[2]), runs it, writes the outcome as JSON to the file named by argv[3].
 */
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { portalOutcome, type CallSample, type PortalOutcome } from './load-math.ts';

export interface CannonSpec {
  kind: 'cannon';
  url: string;
  /** Paths taken in turn by each connection (at least one). */
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface PortalTarget {
  slug: string;
  therapistId: string;
  slots: string[];
}

export interface PortalSpec {
  kind: 'portal';
  url: string;
  headers: Record<string, string>;
  targets: PortalTarget[];
  connections: number;
  seconds: number;
}

export interface SoakCall {
  name: string;
  method: 'GET' | 'POST';
  /** For GET: paths taken in turn. For POST: a portal request to one of `targets`. */
  paths?: string[];
  targets?: PortalTarget[];
  headers: Record<string, string>;
}

export interface SoakSpec {
  kind: 'soak';
  url: string;
  calls: SoakCall[];
  connections: number;
  seconds: number;
}

export type LoadSpec = CannonSpec | PortalSpec | SoakSpec;

export interface CannonOutcome {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export interface PortalOutcomes extends CannonOutcome {
  outcomes: Partial<Record<PortalOutcome, number>>;
  createdIds: string[];
  /** A few refusals, for the report: status, code. */
  refusals: Record<string, number>;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** A fresh portal request: a new idempotency key and a new person, for a random open slot. */
export function portalRequest(targets: PortalTarget[]): { path: string; body: string; key: string } {
  const target = pick(targets);
  const id = randomUUID();
  return {
    path: `/functions/v1/client-portal/clinics/${target.slug}/requests`,
    key: id,
    body: JSON.stringify({
      therapist_id: target.therapistId,
      slot_start: pick(target.slots),
      first_name: 'Load',
      last_name: 'Client',
      email: `load.${id.slice(0, 18)}@bench.example.org`,
      phone: '617-555-0142',
      date_of_birth: '1988-02-03',
    }),
  };
}

function summary(r: autocannon.Result): CannonOutcome {
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes,
  };
}

async function cannon(spec: CannonSpec): Promise<CannonOutcome> {
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    headers: spec.headers,
    requests: spec.paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return summary(result);
}

async function portal(spec: PortalSpec): Promise<PortalOutcomes> {
  const outcomes: Partial<Record<PortalOutcome, number>> = {};
  const refusals: Record<string, number> = {};
  const createdIds: string[] = [];
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const r = portalRequest(spec.targets);
          return {
            ...request,
            path: r.path,
            body: r.body,
            headers: { ...spec.headers, 'content-type': 'application/json', 'idempotency-key': r.key },
          };
        },
        onResponse: (status, body) => {
          const outcome = portalOutcome(status, body);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          if (outcome === 'created') createdIds.push((JSON.parse(body) as { id: string }).id);
          else {
            let code = '';
            try {
              code = (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? '';
            } catch {
              code = 'not json';
            }
            refusals[`${status} ${code}`] = (refusals[`${status} ${code}`] ?? 0) + 1;
          }
        },
      },
    ],
  });
  return { ...summary(result), outcomes, createdIds, refusals };
}

/** `connections` workers, each calling the calls in turn, recording every call's time and status. */
async function soak(spec: SoakSpec): Promise<{ samples: CallSample[] }> {
  const samples: CallSample[] = [];
  const start = performance.now();
  const end = start + spec.seconds * 1000;
  const worker = async (w: number) => {
    for (let i = w; performance.now() < end; i++) {
      const call = spec.calls[i % spec.calls.length]!;
      const began = performance.now();
      let status = 0;
      try {
        if (call.method === 'GET') {
          const path = call.paths![Math.floor(i / spec.calls.length) % call.paths!.length]!;
          const res = await fetch(spec.url + path, { headers: call.headers });
          await res.arrayBuffer();
          status = res.status;
        } else {
          const r = portalRequest(call.targets!);
          const res = await fetch(spec.url + r.path, {
            method: 'POST',
            headers: { ...call.headers, 'content-type': 'application/json', 'idempotency-key': r.key },
            body: r.body,
          });
          await res.arrayBuffer();
          status = res.status;
        }
      } catch {
        status = 0;
      }
      samples.push({ call: call.name, at: (began - start) / 1000, ms: performance.now() - began, status });
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, (_, w) => worker(w)));
  return { samples };
}

async function main() {
  const [specFile, outFile] = process.argv.slice(2);
  const spec = JSON.parse(await readFile(specFile!, 'utf8')) as LoadSpec;
  const outcome =
    spec.kind === 'cannon'
      ? await cannon(spec)
      : spec.kind === 'portal'
        ? await portal(spec)
        : await soak(spec);
  await writeFile(outFile!, JSON.stringify(outcome));
}

if (process.argv[1]?.endsWith('load-driver.ts')) await main();
