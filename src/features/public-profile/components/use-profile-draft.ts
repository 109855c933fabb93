import { useEffect, useMemo, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useSession } from '@/lib/auth/auth-context';
import { draftStore, type LocalDraft } from '@/lib/local-drafts';
import type { ProfileField, ProfileFormValues } from '../schemas';

/** The fields the person changed and has not saved: all a draft holds. */
export type ProfileDraft = Partial<ProfileFormValues>;

/** How long typing pauses before the draft is written. */
const writeDelayMs = 400;

/** The editable fields whose value differs from `baseline`. */
export function unsavedFields(
  values: ProfileFormValues,
  baseline: ProfileFormValues,
  editable: readonly ProfileField[],
): ProfileDraft {
  const draft: Record<string, unknown> = {};
  for (const field of editable) {
    if (JSON.stringify(values[field]) !== JSON.stringify(baseline[field])) draft[field] = values[field];
  }
  return draft as ProfileDraft;
}

interface Options {
  form: Pick<UseFormReturn<ProfileFormValues>, 'watch' | 'getValues' | 'setValue' | 'reset'>;
  staffId: string;
  editable: readonly ProfileField[];
  /** The values last saved (what "unsaved" is measured against). */
  baseline: () => ProfileFormValues;
}

/**
 * Keeps the profile form's unsaved changes in this browser as the person types (per signed-in user
 * and profile), and brings them back when the form opens again: after a refresh, a closed tab or
 * an expired session. Returns the restored draft (to say so, with a way to discard it).
 */
export function useProfileDraft({ form, staffId, editable, baseline }: Options) {
  const session = useSession();
  const store = useMemo(
    () => draftStore<ProfileDraft>(session.user.id, `public-profile:${staffId}`),
    [session.user.id, staffId],
  );
  // the draft left from before, read as the form opens (the form is new for each profile)
  const [restored, setRestored] = useState<LocalDraft<ProfileDraft> | null>(() => {
    const draft = store.read();
    return draft && editable.some((field) => field in draft.value) ? draft : null;
  });
  const applied = useRef(false);
  const { watch, getValues, setValue, reset } = form;

  // once: the draft's fields over the saved profile, marked as unsaved changes
  useEffect(() => {
    if (applied.current || restored === null) return;
    applied.current = true;
    for (const field of editable) {
      if (field in restored.value) setValue(field, restored.value[field] as never, { shouldDirty: true });
    }
  }, [restored, editable, setValue]);

  // as the person types (debounced): the unsaved fields, or nothing once everything is saved
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = watch(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const draft = unsavedFields(getValues(), baseline(), editable);
        if (Object.keys(draft).length > 0) store.write(draft);
        else store.clear();
      }, writeDelayMs);
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [watch, getValues, baseline, editable, store]);

  return {
    restored,
    /** The changes were saved: the draft has done its job. */
    clear: () => {
      store.clear();
      setRestored(null);
    },
    /** Throws the restored changes away: the form shows the saved profile again. */
    discard: () => {
      store.clear();
      reset(baseline());
      setRestored(null);
    },
  };
}
