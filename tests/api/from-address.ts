/**
 * HTTP requests sent from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so a test meets the
 * gateway as a distinct client: the gateway forwards the socket's address in X-Forwarded-For and
 * the auth service limits per address. 127.0.0.1, which every other test uses, is exempt from the
 * per-address limits on the test stack (supabase/local/config.ts).
 */
import { randomInt } from 'node:crypto';
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, localAddress, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

/**
 * A random loopback address (127.a.b.c, never 127.0.0.1): the stack keeps its counters for the
 * whole run, across test files, so fixed addresses could collide.
 */
export function freshLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}
