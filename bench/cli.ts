/** The command line of `npm run bench`: which groups to run. */
export const groups = ['db', 'browser', 'lighthouse', 'load', 'growth'] as const;
export type Group = (typeof groups)[number];

const isGroup = (name: string): name is Group => (groups as readonly string[]).includes(name);

/**
 * `npm run bench` runs every group; `npm run bench -- --only <group>[,<group>…]` (or the group
 * names alone: `npm run bench -- growth`) runs those, in the order of `groups`.
 */
export function selectedGroups(args: string[]): Group[] {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--only') {
      const value = args[++i];
      if (!value) throw new Error('--only needs a group: ' + groups.join(', '));
      names.push(...value.split(','));
    } else if (arg.startsWith('--only=')) names.push(...arg.slice('--only='.length).split(','));
    else if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}`);
    else names.push(arg);
  }
  const unknown = names.filter((n) => !isGroup(n));
  if (unknown.length)
    throw new Error(`Unknown group ${unknown.join(', ')}; the groups are ${groups.join(', ')}`);
  return names.length === 0 ? [...groups] : groups.filter((g) => names.includes(g));
}
