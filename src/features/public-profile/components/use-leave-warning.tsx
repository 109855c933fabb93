import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { useBlocker } from 'react-router';
import { DialogFooter, ModalDialog } from '@/components/ui/modal-dialog';

/**
 * While `unsaved` is true, leaving the page asks first: a navigation inside the app opens a dialog
 * (stay, or leave), and closing or reloading the tab gets the browser's own warning.
 */
export function useLeaveWarning(unsaved: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older browsers show their warning only when returnValue is set
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return blocker.state === 'blocked' ? (
    <ModalDialog
      title="Leave without saving?"
      description="Your changes to this profile are not saved yet. They stay on this device as a draft and come back when you open the profile again, but nobody else sees them until you save."
      onClose={() => blocker.reset()}
    >
      <DialogFooter>
        <Button variant="primary" onClick={() => blocker.reset()}>
          Stay on this page
        </Button>
        <Button variant="secondary" onClick={() => blocker.proceed()}>
          Leave
        </Button>
      </DialogFooter>
    </ModalDialog>
  ) : null;
}
