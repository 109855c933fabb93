/**
 * Query keys of the client portal: scoped by clinic first, so one clinic's data never answers for
 * another. (The therapist list keeps its pages in api/directory-cache.ts.)
 */
export const clientPortalKeys = {
  all: (clinicSlug: string) => ['clinic', clinicSlug, 'client-portal'] as const,
  therapist: (clinicSlug: string, therapistId: string) =>
    [...clientPortalKeys.all(clinicSlug), 'therapist', therapistId] as const,
  slotAt: (clinicSlug: string, therapistId: string, start: string) =>
    [...clientPortalKeys.all(clinicSlug), 'slot-at', therapistId, start] as const,
  allSlots: (clinicSlug: string) => [...clientPortalKeys.all(clinicSlug), 'slots'] as const,
  slots: (clinicSlug: string, therapistId: string, days: number) =>
    [...clientPortalKeys.allSlots(clinicSlug), therapistId, { days }] as const,
};
