import { describe, expect, it } from 'vitest';
import { groups, selectedGroups } from './cli.ts';

describe('selectedGroups', () => {
  it('runs every group by default', () => {
    expect(selectedGroups([])).toEqual([...groups]);
  });

  it('runs the groups named by --only, or by name, in the order of a full run', () => {
    expect(selectedGroups(['--only', 'growth'])).toEqual(['growth']);
    expect(selectedGroups(['--only=load,browser'])).toEqual(['browser', 'load']);
    expect(selectedGroups(['growth'])).toEqual(['growth']);
  });

  it('refuses a group it does not know, and --only without a group', () => {
    expect(() => selectedGroups(['--only', 'soak2'])).toThrow(/Unknown group soak2/);
    expect(() => selectedGroups(['--only'])).toThrow(/needs a group/);
    expect(() => selectedGroups(['--fast'])).toThrow(/Unknown option/);
  });
});
