/**
 * The deny list holds for a project folder whose name has glob characters: a real Vite dev server
 * rooted in such a folder refuses its .local/ and supabase/ files and still serves the app's own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { devServerFsDeny } from './dev-server-deny.ts';
import { freePort } from './free-port.ts';

describe('the dev server’s deny list in a folder named with glob characters', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'crp-deny-'));
  const root = path.join(parent, 'clinic (copy) [2] {x}!');
  let server: ViteDevServer;
  let origin: string;

  beforeAll(async () => {
    for (const dir of ['.local/dev', 'supabase/functions/_shared', 'src'])
      mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, '.local/dev/inbox.jsonl'), '{"link":"secret"}\n');
    writeFileSync(path.join(root, 'supabase/seed.sql'), 'select 1;\n');
    writeFileSync(path.join(root, 'supabase/functions/_shared/shared.ts'), 'export const shared = 1;\n');
    writeFileSync(path.join(root, 'src/app.ts'), 'export const app = 1;\n');
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      server: { port: await freePort(), strictPort: true, fs: { deny: devServerFsDeny(root) } },
    });
    await server.listen();
    const address = server.httpServer!.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('refuses the local stack’s files and supabase/, by path and through /@fs', async () => {
    for (const url of [
      '/.local/dev/inbox.jsonl',
      '/supabase/seed.sql',
      `/@fs${root}/.local/dev/inbox.jsonl`,
    ]) {
      const response = await fetch(`${origin}${encodeURI(url)}`);
      expect(response.status, url).toBe(403);
      expect(await response.text(), url).not.toContain('secret');
    }
  });

  it('still serves the app’s code and the shared function code it imports', async () => {
    expect((await fetch(`${origin}/src/app.ts`)).status).toBe(200);
    expect((await fetch(`${origin}/supabase/functions/_shared/shared.ts`)).status).toBe(200);
  });
});
