/**
 * Unsaved form work kept in this browser (localStorage), per signed-in user and per thing edited,
 * so a refresh, a closed tab or an expired session loses nothing. Only what the person typed is
 * kept, and all of a person's drafts go when they sign out (the next person on this device sees none).
 */
const prefix = 'crp:draft:';

export interface LocalDraft<T> {
  /** When it was last written (ISO 8601). */
  savedAt: string;
  value: T;
}

export interface DraftStore<T> {
  read: () => LocalDraft<T> | null;
  write: (value: T) => void;
  clear: () => void;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // storage can be switched off (private modes, policies): then drafts are simply not kept
    return null;
  }
}

/** The draft store of `userId` for `subject` (e.g. "public-profile:<staff id>"). */
export function draftStore<T>(userId: string, subject: string): DraftStore<T> {
  const key = `${prefix}${userId}:${subject}`;
  return {
    read: () => {
      const raw = storage()?.getItem(key);
      if (!raw) return null;
      try {
        const draft = JSON.parse(raw) as LocalDraft<T>;
        return typeof draft.savedAt === 'string' && draft.value !== undefined ? draft : null;
      } catch {
        return null;
      }
    },
    write: (value) => {
      try {
        storage()?.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), value }));
      } catch {
        // full storage: the form still works, only the safety net is missing
      }
    },
    clear: () => storage()?.removeItem(key),
  };
}

/** Forgets every draft of `userId` (on sign-out). */
export function clearDraftsOf(userId: string): void {
  const store = storage();
  if (!store) return;
  const mine = `${prefix}${userId}:`;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (key): key is string => key !== null && key.startsWith(mine),
  );
  for (const key of keys) store.removeItem(key);
}
