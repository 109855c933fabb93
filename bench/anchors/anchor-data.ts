/** What the harness hands an anchor page (on `window.benchAnchorData`) before it is timed. */
export interface AnchorRow {
  id: string;
  staff: string;
  email: string;
  applicationStatus: string;
  enrollmentStatus: string;
  payers: { id: string; name: string }[];
}

export interface AnchorEvent {
  title: string;
  start: string;
  end: string;
}

export interface AnchorData {
  rows?: AnchorRow[];
  events?: AnchorEvent[];
}

declare global {
  interface Window {
    benchAnchorData?: AnchorData;
  }
}

export const anchorData = (): AnchorData => window.benchAnchorData ?? {};
