/**
 * The caller's address, for the per-address limits of the public pages.
 *
 * Only a header the platform's own proxy sets can be trusted: a client may send any
 * X-Forwarded-For, and proxies append to it, so its first entry is the caller's own choice.
 * Hosted Supabase is served through Cloudflare, which sets CF-Connecting-IP itself (replacing
 * any the client sent); the local gateway replaces X-Forwarded-For with the socket's address.
 * `trustedHeader` names the header to believe (CLIENT_ADDRESS_HEADER; cf-connecting-ip unless
 * set); for X-Forwarded-For, or when the trusted header is missing, the last entry (the one the
 * proxy in front of us added) is used. IPv6 addresses count by their /64: one subscriber
 * usually holds a whole /64 and could otherwise change address at every request.
 */
export const defaultClientAddressHeader = 'cf-connecting-ip';

export function clientAddressOf(request: Request, trustedHeader = defaultClientAddressHeader): string {
  const header = trustedHeader.toLowerCase();
  const trusted = header === 'x-forwarded-for' ? null : request.headers.get(header)?.trim();
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  const address = trusted || forwarded;
  return address ? addressGroup(address) : 'unknown';
}

/** An IPv4 address as it is; an IPv6 address as its /64 (an IPv4-mapped one as the IPv4 address). */
export function addressGroup(address: string): string {
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  const [head = '', tail] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
          ...tailGroups,
        ];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
