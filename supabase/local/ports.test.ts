import { describe, expect, it } from 'vitest';
import { stackSettings } from './config.ts';
import { busyPortMessage } from './ports.ts';

describe('busyPortMessage', () => {
  it('names the port, the part and the variable that moves it', () => {
    const { ports } = stackSettings('dev', {});
    expect(busyPortMessage(ports, ['gateway'], 'dev')).toBe(
      'Port 54321 (gateway) is already in use: stop what uses it (is `npm start` already running?) or choose another: CRP_GATEWAY_PORT=54421 npm start',
    );
  });
});

describe('stackSettings', () => {
  it('moves a port with its variable and refuses a value that is not a port', () => {
    expect(stackSettings('dev', { CRP_APP_PORT: '6000' }).ports.app).toBe(6000);
    expect(() => stackSettings('dev', { CRP_DB_PORT: 'abc' })).toThrow(
      'CRP_DB_PORT=abc is not a port number (1-65535).',
    );
  });
  it('keeps the test stack 1000 ports above the dev stack, in its own folder', () => {
    const dev = stackSettings('dev', {});
    const test = stackSettings('test', {});
    expect(test.ports.gateway - dev.ports.gateway).toBe(1000);
    expect(test.dataDir).not.toBe(dev.dataDir);
  });
});
