/**
 * Where a webhook may be sent (the SSRF rules). A target is an https URL without credentials whose
 * host is, and resolves to, public addresses only: never private, loopback, link-local, shared,
 * multicast or reserved ones, which would let a payer make our servers call inside a network.
 * `allowLoopback` lets the local stack reach its own test receiver (http or https on a loopback
 * address); it is off unless the environment switches it on, and never set in production.
 *
 * Pure, so the platform's `npm run payer` command (Node) checks URLs with the same rules the
 * delivery function (Deno) applies after DNS resolution.
 */
export interface TargetPolicy {
  allowLoopback: boolean;
}

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Parts(address: string): number[] | null {
  const match = ipv4.exec(address);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** The 8 groups of an IPv6 address (an embedded IPv4 tail becomes two groups), or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = ipv4Parts(tail[1]!);
    if (!v4) return null;
    text =
      text.slice(0, -tail[1]!.length) +
      `${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  if (!/^[0-9a-f:]+$/.test(text) || !text.includes(':')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return groups.map((g) => parseInt(g, 16));
}

function ipv4Refusal(p: number[], policy: TargetPolicy): string | null {
  const [a, b] = p as [number, number, number, number];
  if (a === 127) return policy.allowLoopback ? null : 'a loopback address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 100 && b >= 64 && b <= 127) return 'a shared (carrier-grade NAT) address';
  if (a === 0 || a >= 224 || (a === 192 && b === 0 && p[2] === 0) || (a === 198 && (b === 18 || b === 19)))
    return 'a reserved address';
  return null;
}

/** Why `address` (IPv4 or IPv6 text) may not be called, or null when it is a public address. */
export function addressRefusal(address: string, policy: TargetPolicy): string | null {
  const v4 = ipv4Parts(address);
  if (v4) return ipv4Refusal(v4, policy);
  const g = ipv6Groups(address);
  if (!g) return 'not an IP address';
  const [g0, , , , , g5, g6, g7] = g as number[] & { length: 8 };
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses are their IPv4 address
  if (
    (zeroUpTo(5) && g5 === 0xffff) ||
    (g0 === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
  )
    return ipv4Refusal([g6! >> 8, g6! & 255, g7! >> 8, g7! & 255], policy);
  if (zeroUpTo(7) && g7 === 1) return policy.allowLoopback ? null : 'a loopback address';
  if (zeroUpTo(8)) return 'a reserved address';
  if ((g0! & 0xfe00) === 0xfc00) return 'a private address';
  if ((g0! & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g0! & 0xff00) === 0xff00) return 'a multicast address';
  return null;
}

/** The host as an IP address when the URL names one (`[::1]` → `::1`), else null. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipv4Parts(bare) || ipv6Groups(bare) ? bare : null;
}

/**
 * Checks a webhook URL before any DNS lookup: https (http only for loopback when allowed), no
 * user name or password, a host, and when the host is an address, a public one.
 */
export function webhookUrlProblem(raw: string, policy: TargetPolicy): string | null {
  if (raw.length > 2000) return 'the URL is longer than 2000 characters';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL (write it in full, e.g. https://hooks.example.com/referrals)';
  }
  if (url.username || url.password) return 'the URL must not carry a user name or password';
  if (url.hash) return 'the URL must not have a #fragment';
  const address = literalAddress(url.hostname);
  const loopbackHost =
    url.hostname === 'localhost' ||
    (address !== null && addressRefusal(address, { allowLoopback: false }) === 'a loopback address');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowLoopback && loopbackHost))
    return `the URL must start with https:// (not ${url.protocol}//)`;
  if (!url.hostname) return 'the URL has no host';
  if (url.hostname === 'localhost' && !policy.allowLoopback)
    return 'the host is localhost, a loopback address';
  if (address) {
    const refusal = addressRefusal(address, policy);
    if (refusal) return `the host is ${refusal}`;
  }
  return null;
}
