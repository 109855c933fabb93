/**
 * The orchestrator's bad starts, against real parts: a busy port is named with the variable that
 * moves it, and a part that fails stops everything already started and reports its log lines.
 */
import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { PartFailedError } from '../../supabase/local/part-log.ts';
import { busyPorts } from '../../supabase/local/ports.ts';
import { PortsBusyError, startStack } from '../../supabase/local/stack.ts';
import { sideStack } from './support/side-stack.ts';

describe('bad starts', () => {
  it('names a busy port and the variable that moves it, and starts nothing', async () => {
    const settings = sideStack('orchestrator');
    const blocker = http.createServer();
    await new Promise<void>((r) => blocker.listen(settings.ports.gateway, '127.0.0.1', r));
    try {
      const error = await startStack(settings, { fresh: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortsBusyError);
      expect((error as Error).message).toContain(
        `Port ${settings.ports.gateway} (gateway) is already in use`,
      );
      // nothing was started: the blocker's port is the only one in use
      expect(await busyPorts(settings.ports)).toEqual(['gateway']);
    } finally {
      blocker.close();
    }
  });

  it('stops every started part when PostgREST fails, and reports PostgREST’s last log lines', async () => {
    // PostgREST reads a secret that starts with @ from that file, and exits when it is missing
    const settings = { ...sideStack('orchestrator'), jwtSecret: '@/nonexistent/jwt-secret-file' };
    const error = await startStack(settings, { fresh: true }).catch((e: unknown) => e);
    if (!(error instanceof Error)) await (error as { stop(): Promise<void> }).stop();
    expect(error).toBeInstanceOf(PartFailedError);
    expect((error as PartFailedError).part).toBe('postgrest');
    expect((error as PartFailedError).logTail).toMatch(/32|secret|JWT/i);
    // Postgres and the inbox, started before PostgREST, were stopped again
    for (const port of [settings.ports.db, settings.ports.inbox]) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => resolve(true));
        socket.on('error', () => resolve(false));
      });
      expect(open, `port ${port} still open`).toBe(false);
    }
  }, 60_000);
});
