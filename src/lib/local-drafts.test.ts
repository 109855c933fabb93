import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDraftsOf, draftStore } from './local-drafts';

/** A minimal localStorage for the node test environment. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
});

describe('local drafts', () => {
  it('keeps a draft per user and subject, until cleared', () => {
    const mine = draftStore<{ about: string }>('user-a', 'public-profile:1');
    mine.write({ about: 'typed' });
    expect(mine.read()?.value).toEqual({ about: 'typed' });
    expect(draftStore('user-b', 'public-profile:1').read()).toBeNull();
    expect(draftStore('user-a', 'public-profile:2').read()).toBeNull();
    mine.clear();
    expect(mine.read()).toBeNull();
  });

  it('forgets all of one user’s drafts on sign-out, and nobody else’s', () => {
    draftStore('user-a', 'public-profile:1').write({ x: 1 });
    draftStore('user-a', 'public-profile:2').write({ x: 2 });
    draftStore('user-b', 'public-profile:1').write({ x: 3 });
    clearDraftsOf('user-a');
    expect(draftStore('user-a', 'public-profile:1').read()).toBeNull();
    expect(draftStore('user-a', 'public-profile:2').read()).toBeNull();
    expect(draftStore('user-b', 'public-profile:1').read()?.value).toEqual({ x: 3 });
  });

  it('treats an unreadable entry as no draft', () => {
    localStorage.setItem('crp:draft:user-a:public-profile:1', '{not json');
    expect(draftStore('user-a', 'public-profile:1').read()).toBeNull();
  });
});
