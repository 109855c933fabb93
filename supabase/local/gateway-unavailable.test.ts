/** The gateway while a part is down: a prompt 503 with Retry-After, never a 502/500 or a hang. */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from './gateway.ts';
import { closeServer } from './http-helpers.ts';

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// accepts the connection and never answers, like a stalled part
const silent = http.createServer(() => undefined);
let gateway: Awaited<ReturnType<typeof startGateway>>;
const apiKey = 'test-key';

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as AddressInfo).port;
  gateway = await startGateway({
    port: 0,
    upstreams: { rest: await closedPort(), auth: await closedPort(), functions: silentPort },
    apiKeys: [apiKey],
    upstreamTimeoutMs: 300,
  });
});
afterAll(async () => {
  await gateway.close();
  await closeServer(silent);
});

const call = (path: string) =>
  fetch(`http://127.0.0.1:${gateway.port}${path}`, {
    method: 'POST',
    headers: { apikey: apiKey, 'content-type': 'application/json' },
    body: '{}',
  });

describe('gateway while a part is down', () => {
  it.each([
    ['/rest/v1/rpc/anything', 'data API'],
    ['/auth/v1/token?grant_type=password', 'sign-in service'],
  ])(
    'answers %s with 503, Retry-After and a message naming the %s when it refuses the connection',
    async (path, name) => {
      const response = await call(path);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).toBe('service_unavailable');
      expect(body.message).toContain(`The ${name} is unavailable right now; nothing was saved.`);
    },
  );

  it('answers 503 when the upstream accepts but does not answer within its timeout', async () => {
    const response = await call('/functions/v1/payer-api/therapists');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(((await response.json()) as { message: string }).message).toContain(
      'functions runtime is unavailable',
    );
  });
});
