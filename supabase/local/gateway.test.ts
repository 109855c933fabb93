import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimits, startGateway } from './gateway.ts';
import { closeServer } from './http-helpers.ts';

// one stand-in upstream for all three routes: answers with the size of the body it received
const upstream = http.createServer((req, res) => {
  if (req.url?.startsWith('/verify')) return void res.writeHead(303, { location: '/elsewhere' }).end();
  let size = 0;
  req.on('data', (chunk: Buffer) => (size += chunk.length));
  req.on('end', () =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ path: req.url, size, length: req.headers['content-length'] ?? null })),
  );
});
let gateway: Awaited<ReturnType<typeof startGateway>>;
const apiKey = 'test-key';

beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const port = (upstream.address() as AddressInfo).port;
  gateway = await startGateway({
    port: 0,
    upstreams: { rest: port, auth: port, functions: port },
    apiKeys: [apiKey],
  });
});
afterAll(async () => {
  await gateway.close();
  await closeServer(upstream);
});

interface Reply {
  status: number;
  body: Record<string, unknown>;
  reusedSocket: boolean;
  connection: string | undefined;
}

/** One request through `agent`; `chunked` sends the body without a Content-Length. */
function send(agent: http.Agent, path: string, body: Buffer, { chunked = false } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: gateway.port,
        path,
        method: 'POST',
        agent,
        headers: {
          apikey: apiKey,
          'content-type': 'application/json',
          ...(chunked ? {} : { 'content-length': body.length }),
        },
      },
      (res) => {
        let text = '';
        res
          .on('data', (chunk) => (text += chunk))
          .on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(text),
              reusedSocket: req.reusedSocket,
              connection: res.headers.connection,
            }),
          );
      },
    );
    req.on('error', reject);
    if (chunked) {
      // in pieces, as a streaming client sends it
      for (let offset = 0; offset < body.length; offset += 256 * 1024)
        req.write(body.subarray(offset, offset + 256 * 1024));
      req.end();
    } else {
      req.end(body);
    }
  });
}

describe('gateway body limits', () => {
  it('answers 413 naming the limit for a 2 MB body to /auth/v1/token, and the connection serves the next request', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const tooLarge = await send(
      agent,
      '/auth/v1/token?grant_type=password',
      Buffer.alloc(2 * 1024 * 1024, 'x'),
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toBe(
      'Request size limit exceeded: /auth/v1 accepts a body of at most 64 KB (65536 bytes).',
    );
    const next = await send(
      agent,
      '/auth/v1/token?grant_type=password',
      Buffer.from('{"email":"a@example.org"}'),
    );
    expect(next).toMatchObject({
      status: 200,
      reusedSocket: true,
      body: { path: '/token?grant_type=password', size: 25, length: '25' },
    });
    agent.destroy();
  });

  it('limits a body sent without a Content-Length (chunked) the same way', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const tooLarge = await send(agent, '/rest/v1/rpc/anything', Buffer.alloc(bodyLimits.rest + 1, 'x'), {
      chunked: true,
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toBe(
      'Request size limit exceeded: /rest/v1 accepts a body of at most 1 MB (1048576 bytes).',
    );
    const next = await send(agent, '/rest/v1/rpc/anything', Buffer.from('{}'), { chunked: true });
    expect(next).toMatchObject({ status: 200, reusedSocket: true, body: { size: 2, length: '2' } });
    agent.destroy();
  });

  it('passes a body of exactly the limit through whole', async () => {
    const agent = new http.Agent({ keepAlive: false });
    const reply = await send(
      agent,
      '/functions/v1/payer-api/referral-requests',
      Buffer.alloc(bodyLimits.functions, 'x'),
    );
    expect(reply).toMatchObject({
      status: 200,
      body: { size: bodyLimits.functions, length: String(bodyLimits.functions) },
    });
  });

  it('closes the connection after the 413 when the body is too large to be worth reading', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const reply = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: gateway.port,
          path: '/rest/v1/x',
          method: 'POST',
          agent,
          headers: { apikey: apiKey, 'content-length': 64 * 1024 * 1024 },
        },
        (res) =>
          res
            .resume()
            .on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection })),
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024, 'x')); // the rest never comes
    });
    expect(reply).toEqual({ status: 413, connection: 'close' });
    agent.destroy();
  });
});

describe('gateway text checks', () => {
  /** A GET with raw header values (latin1: one byte per character). */
  function get(path: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      http
        .get(
          { host: '127.0.0.1', port: gateway.port, path, headers: { apikey: apiKey, ...headers } },
          (res) => {
            let text = '';
            res
              .on('data', (chunk) => (text += chunk))
              .on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          },
        )
        .on('error', reject);
    });
  }

  it('refuses percent-escapes that are not UTF-8 (PostgREST answered them with 500) and passes those that are', async () => {
    for (const path of [
      '/rest/v1/payers?id=eq.%FF',
      '/rest/v1/payers?id=eq.%ED%A0%80',
      '/rest/v1/%C3',
      '/functions/v1/x?%E2%82=1',
    ]) {
      expect(await get(path), path).toEqual({
        status: 400,
        body: { message: 'The request URL has percent-escapes that are not UTF-8 text.' },
      });
    }
    expect((await get('/rest/v1/payers?name=eq.Caf%C3%A9%20%F0%9F%98%80&x=%zz')).status).toBe(200);
  });

  it('refuses a header whose bytes are not UTF-8, naming it, and passes UTF-8 ones', async () => {
    expect(await get('/rest/v1/payers', { prefer: 'count=\xed\xa0\x80' })).toEqual({
      status: 400,
      body: { message: 'The prefer header is not UTF-8 text.' },
    });
    expect(await get('/rest/v1/payers', { 'x-client-info': 'app \xff' })).toEqual({
      status: 400,
      body: { message: 'The x-client-info header is not UTF-8 text.' },
    });
    // "é" as its two UTF-8 bytes
    expect((await get('/rest/v1/payers', { 'x-client-info': 'caf\xc3\xa9' })).status).toBe(200);
  });
});

describe('gateway text bodies', () => {
  function post(body: Buffer, contentType: string) {
    return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: gateway.port,
          path: '/rest/v1/payers',
          method: 'POST',
          headers: { apikey: apiKey, 'content-type': contentType, 'content-length': body.length },
        },
        (res) => {
          let text = '';
          res
            .on('data', (chunk) => (text += chunk))
            .on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('refuses a form, CSV or JSON body that is not UTF-8 (PostgREST answered forms and CSV with 500)', async () => {
    const form = 'application/x-www-form-urlencoded';
    expect(await post(Buffer.from('name=%FF'), form)).toEqual({
      status: 400,
      body: { message: 'The request body has percent-escapes that are not UTF-8 text.' },
    });
    expect(await post(Buffer.from('name=%ED%A0%80'), form)).toEqual({
      status: 400,
      body: { message: 'The request body has percent-escapes that are not UTF-8 text.' },
    });
    for (const type of [form, 'text/csv', 'application/json; charset=utf-8']) {
      expect(await post(Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff]), type), type).toEqual({
        status: 400,
        body: { message: 'The request body is not UTF-8 text.' },
      });
    }
  });

  it('passes UTF-8 text bodies and bodies of other types', async () => {
    expect(
      (await post(Buffer.from('name=Caf%C3%A9+%F0%9F%98%80'), 'application/x-www-form-urlencoded')).status,
    ).toBe(200);
    expect((await post(Buffer.from('name\nCafé'), 'text/csv')).status).toBe(200);
    expect((await post(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg')).status).toBe(200);
  });
});

describe('gateway answers', () => {
  it('hands a redirect (the links in auth emails) to the caller instead of following it', async () => {
    const response = await fetch(`http://127.0.0.1:${gateway.port}/auth/v1/verify?token=t&type=invite`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/elsewhere');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers an unknown prefix with the 404 Kong gives, CORS headers included', async () => {
    const response = await fetch(`http://127.0.0.1:${gateway.port}/storage/v1/x`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'no Route matched with those values' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
