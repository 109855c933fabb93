/** Finds which of the stack's ports are already taken, before anything starts. */
import net from 'node:net';
import { portEnvNames, type PortSettings } from './config.ts';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function busyPorts(ports: PortSettings): Promise<(keyof PortSettings)[]> {
  const names = Object.keys(ports) as (keyof PortSettings)[];
  const free = await Promise.all(names.map((name) => isFree(ports[name])));
  return names.filter((_, i) => !free[i]);
}

export function busyPortMessage(
  ports: PortSettings,
  busy: (keyof PortSettings)[],
  profile: 'dev' | 'test',
): string {
  const lines = busy.map((name) => {
    const hint =
      profile === 'dev'
        ? `stop what uses it (is \`npm start\` already running?) or choose another: ${portEnvNames[name]}=${ports[name] + 100} npm start`
        : 'stop what uses it (an earlier test run that did not exit?)';
    return `Port ${ports[name]} (${name}) is already in use: ${hint}`;
  });
  return lines.join('\n');
}
