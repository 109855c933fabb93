import type { StatusClinic } from '../../../../supabase/functions/_shared/request-status.ts';

/** A refusal of the status API: `{ error: { code, message, field? } }`, with the clinic on an expired link. */
export class StatusApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Only on an expired link: whose request page to offer instead. */
  readonly clinic: StatusClinic | null;

  constructor(status: number, code: string, message: string, clinic: StatusClinic | null = null) {
    super(message);
    this.name = 'StatusApiError';
    this.status = status;
    this.code = code;
    this.clinic = clinic;
  }
}

export const isStatusApiError = (error: unknown): error is StatusApiError => error instanceof StatusApiError;
