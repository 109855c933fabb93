import { equal as assertEquals } from 'node:assert/strict';
import { addressGroup, clientAddressOf } from './client-address.ts';

const request = (headers: Record<string, string>) => new Request('http://x/', { headers });

Deno.test('a client cannot choose its address through X-Forwarded-For', () => {
  // the caller sent "1.1.1.1"; the proxy in front of us appended the real address
  assertEquals(
    clientAddressOf(request({ 'x-forwarded-for': '1.1.1.1, 203.0.113.7' }), 'x-forwarded-for'),
    '203.0.113.7',
  );
  assertEquals(clientAddressOf(request({ 'x-forwarded-for': '1.1.1.1, 203.0.113.7' })), '203.0.113.7');
});

Deno.test('the platform proxy’s own header wins when it is the trusted one', () => {
  const sent = request({ 'cf-connecting-ip': '198.51.100.4', 'x-forwarded-for': '1.1.1.1, 172.70.0.1' });
  assertEquals(clientAddressOf(sent), '198.51.100.4');
  // where another header is trusted, a client-sent cf-connecting-ip means nothing
  assertEquals(clientAddressOf(sent, 'x-forwarded-for'), '172.70.0.1');
});

Deno.test('no address at all is one shared bucket, never none', () => {
  assertEquals(clientAddressOf(request({})), 'unknown');
});

Deno.test('IPv6 addresses count by their /64; IPv4-mapped ones as IPv4', () => {
  assertEquals(addressGroup('2001:db8:abcd:12:1:2:3:4'), '2001:db8:abcd:12::/64');
  assertEquals(addressGroup('2001:db8:abcd:12::99'), '2001:db8:abcd:12::/64');
  assertEquals(addressGroup('2001:0db8:0000:0012::1'), '2001:db8:0:12::/64');
  assertEquals(addressGroup('::1'), '0:0:0:0::/64');
  assertEquals(addressGroup('::ffff:192.0.2.1'), '192.0.2.1');
  assertEquals(addressGroup('192.0.2.1'), '192.0.2.1');
  assertEquals(addressGroup('not:an:address'), 'not:an:address');
});
