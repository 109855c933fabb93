import { equal } from 'node:assert/strict';
import { callerRole } from './caller.ts';

const encode = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const token = (claims: Record<string, unknown>) =>
  `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
const withAuthorization = (value?: string) =>
  new Request('http://x/', { headers: value === undefined ? {} : { authorization: value } });

Deno.test('callerRole reads the role claim of the bearer token', () => {
  equal(callerRole(withAuthorization(`Bearer ${token({ role: 'service_role', sub: 'x' })}`)), 'service_role');
  equal(callerRole(withAuthorization(`Bearer ${token({ role: 'authenticated' })}`)), 'authenticated');
});

Deno.test('callerRole answers null, never throws, for anything that is not a token with a role', () => {
  for (const value of [
    undefined,
    '',
    'Bearer',
    'Bearer not-a-jwt',
    'Bearer a.b.c',
    `Bearer ${token({ role: 42 })}`,
    `Bearer ${token({})}`,
    'Bearer \u00ff.\u00ff.\u00ff',
  ]) {
    equal(callerRole(withAuthorization(value)), null, String(value));
  }
});
