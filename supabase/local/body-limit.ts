/**
 * Request body size limits for the gateway. A body over the limit is read and thrown away (up
 * to `drainLimit` bytes) so the gateway can answer 413 on a connection that stays usable for the
 * next keep-alive request; beyond that the connection is not worth keeping and is closed.
 */
import type http from 'node:http';

export type LimitedBody = { body: Buffer } | { tooLarge: true; keepAlive: boolean };

/** The Content-Length header as a number, or null when absent or not a plain decimal. */
function declaredLength(req: http.IncomingMessage): number | null {
  const header = req.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : null;
}

/**
 * Reads the whole body if it has at most `limit` bytes. Otherwise discards it, without holding
 * it in memory, while it stays within `drainLimit` bytes (`keepAlive: true`), and stops reading
 * past that (`keepAlive: false`: answer, then close the connection).
 */
export function readLimitedBody(
  req: http.IncomingMessage,
  limit: number,
  drainLimit: number,
): Promise<LimitedBody> {
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    if (declared !== null && declared > drainLimit) {
      req.pause();
      resolve({ tooLarge: true, keepAlive: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared !== null && declared > limit;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) {
        chunks.push(chunk);
      } else if (size > drainLimit) {
        // a chunked body that never ends: stop reading and let the caller close the connection
        req.off('data', onData).off('end', onEnd).pause();
        resolve({ tooLarge: true, keepAlive: false });
      }
    };
    const onEnd = () =>
      resolve(tooLarge ? { tooLarge: true, keepAlive: true } : { body: Buffer.concat(chunks) });
    req.on('data', onData).on('end', onEnd).once('error', reject);
  });
}

/** "64 KB", "1 MB": a limit as people read it (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
