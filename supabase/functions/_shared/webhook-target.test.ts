import { equal } from 'node:assert/strict';
import { addressRefusal, webhookUrlProblem } from './webhook-target.ts';

const production = { allowLoopback: false };
const local = { allowLoopback: true };

Deno.test('public https URLs pass; the problem is named for every other kind', () => {
  equal(webhookUrlProblem('https://hooks.example.com/referrals', production), null);
  equal(webhookUrlProblem('https://93.184.216.34:8443/x', production), null);
  equal(
    webhookUrlProblem('http://hooks.example.com/', production),
    'the URL must start with https:// (not http://)',
  );
  equal(
    webhookUrlProblem('ftp://hooks.example.com/', production),
    'the URL must start with https:// (not ftp://)',
  );
  equal(
    webhookUrlProblem('https://user:pw@hooks.example.com/', production),
    'the URL must not carry a user name or password',
  );
  equal(
    webhookUrlProblem('hooks.example.com', production),
    'not a URL (write it in full, e.g. https://hooks.example.com/referrals)',
  );
  equal(webhookUrlProblem('https://10.1.2.3/', production), 'the host is a private address');
  equal(
    webhookUrlProblem('https://169.254.169.254/latest/meta-data', production),
    'the host is a link-local address',
  );
  equal(webhookUrlProblem('https://127.0.0.1/', production), 'the host is a loopback address');
  equal(webhookUrlProblem('https://localhost/', production), 'the host is localhost, a loopback address');
  equal(webhookUrlProblem('https://[::1]/', production), 'the host is a loopback address');
  equal(webhookUrlProblem('https://[::ffff:192.168.0.1]/', production), 'the host is a private address');
  equal(webhookUrlProblem('https://x.example/#frag', production), 'the URL must not have a #fragment');
});

Deno.test('the local switch allows loopback (http or https) and nothing else', () => {
  equal(webhookUrlProblem('http://127.0.0.1:4000/hook', local), null);
  equal(webhookUrlProblem('http://localhost:4000/hook', local), null);
  equal(
    webhookUrlProblem('http://hooks.example.com/', local),
    'the URL must start with https:// (not http://)',
  );
  equal(webhookUrlProblem('https://192.168.1.1/', local), 'the host is a private address');
});

Deno.test(
  'addresses after DNS resolution: private, loopback, link-local, shared and reserved are refused',
  () => {
    for (const [address, reason] of [
      ['10.0.0.1', 'a private address'],
      ['172.16.5.4', 'a private address'],
      ['172.31.255.255', 'a private address'],
      ['192.168.0.10', 'a private address'],
      ['127.0.0.1', 'a loopback address'],
      ['169.254.169.254', 'a link-local address'],
      ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
      ['0.0.0.0', 'a reserved address'],
      ['224.0.0.1', 'a reserved address'],
      ['::1', 'a loopback address'],
      ['::', 'a reserved address'],
      ['fd00::1', 'a private address'],
      ['fe80::1%eth0', 'a link-local address'],
      ['ff02::1', 'a multicast address'],
      ['::ffff:10.0.0.1', 'a private address'],
      ['64:ff9b::a9fe:a9fe', 'a link-local address'],
    ] as const)
      equal(addressRefusal(address, production), reason, address);
    equal(addressRefusal('172.32.0.1', production), null);
    equal(addressRefusal('2606:4700::6810:84e5', production), null);
    equal(addressRefusal('127.0.0.1', local), null);
    equal(addressRefusal('10.0.0.1', local), 'a private address');
  },
);
