/**
 * The local edge runtime: one Deno process serving every function in supabase/functions, the way
 * Supabase's edge runtime does. Each function's index.ts calls `Deno.serve(handler)`; we capture
 * that handler instead of opening a port per function. JWTs are checked first unless the
 * function's config.toml section says `verify_jwt = false`.
 */
import { jwtVerify } from 'jose';
import { parse } from 'smol-toml';

type Handler = (request: Request, info?: unknown) => Response | Promise<Response>;

const functionsDir = new URL('../../functions/', import.meta.url);
/** config.toml's `[functions.<name>]` sections, the same ones `supabase functions deploy` reads. */
const functionSettings = (parse(await Deno.readTextFile(new URL('../../config.toml', import.meta.url)))
  .functions ?? {}) as Record<string, { verify_jwt?: boolean } | undefined>;
const jwtSecret = new TextEncoder().encode(Deno.env.get('SUPABASE_JWT_SECRET') ?? '');
const port = Number(Deno.env.get('PORT') ?? 54332);

/** `verify_jwt` of `[functions.<name>]`; Supabase's default is true. */
const verifiesJwt = (name: string) => functionSettings[name]?.verify_jwt ?? true;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const handlers = new Map<string, Handler>();
let loading: Promise<unknown> = Promise.resolve();

/** Imports a function once, capturing the handler it passes to Deno.serve. Loads run one at a time. */
function handlerFor(name: string): Promise<Handler | undefined> {
  const result = loading.then(async () => {
    if (handlers.has(name)) return handlers.get(name);
    const entry = new URL(`${name}/index.ts`, functionsDir);
    try {
      await Deno.stat(entry);
    } catch {
      return undefined;
    }
    const realServe = Deno.serve;
    let captured: Handler | undefined;
    // deno-lint-ignore no-explicit-any
    (Deno as any).serve = (...args: unknown[]) => {
      captured = args.find((a) => typeof a === 'function') as Handler | undefined;
      captured ??= (
        args.find((a) => typeof a === 'object' && a && 'handler' in a) as { handler: Handler } | undefined
      )?.handler;
      return {
        finished: Promise.resolve(),
        shutdown: async () => {},
        ref() {},
        unref() {},
        addr: { hostname: '127.0.0.1', port, transport: 'tcp' },
      };
    };
    try {
      await import(entry.href);
    } finally {
      // deno-lint-ignore no-explicit-any
      (Deno as any).serve = realServe;
    }
    if (captured) handlers.set(name, captured);
    return captured;
  });
  loading = result.catch(() => undefined);
  return result;
}

async function jwtProblem(request: Request): Promise<string | undefined> {
  const header = request.headers.get('authorization');
  if (!header?.startsWith('Bearer ')) return 'Missing authorization header';
  try {
    await jwtVerify(header.slice('Bearer '.length), jwtSecret, { algorithms: ['HS256'] });
    return undefined;
  } catch {
    return 'Invalid JWT';
  }
}

Deno.serve(
  { port, hostname: '127.0.0.1', onListen: () => console.log(`edge runtime listening on ${port}`) },
  async (request) => {
    const name = new URL(request.url).pathname.split('/')[1] ?? '';
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(name))
      return json(404, { code: 'NOT_FOUND', message: 'Requested function was not found' });
    let handler: Handler | undefined;
    try {
      handler = await handlerFor(name);
    } catch (error) {
      console.error(`function ${name} failed to load:`, error);
      return json(500, { code: 'BOOT_ERROR', message: 'Function failed to start (please check logs)' });
    }
    if (!handler) return json(404, { code: 'NOT_FOUND', message: 'Requested function was not found' });
    if (verifiesJwt(name)) {
      const problem = await jwtProblem(request);
      if (problem) return json(401, { code: 401, message: problem });
    }
    try {
      return await handler(request);
    } catch (error) {
      console.error(`function ${name} threw:`, error);
      return json(500, {
        code: 'WORKER_ERROR',
        message: 'Function exited due to an error (please check logs)',
      });
    }
  },
);
