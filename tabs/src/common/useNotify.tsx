import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useCallback } from 'react';

import { describeProblem } from '../api/describeProblem';

export const TOASTER_ID = 'career-board-toaster';

/** Short-lived messages: a failed quick action (rolled back) or a quiet confirmation. */
export function useNotify() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  const notifyError = useCallback(
    (error: unknown, doing: string) => {
      const { title, message } = describeProblem(error);
      dispatchToast(
        <Toast>
          <ToastTitle>{`${doing}: ${title}`}</ToastTitle>
          <ToastBody>{message}</ToastBody>
        </Toast>,
        { intent: 'error', timeout: 8000 },
      );
    },
    [dispatchToast],
  );
  const notifySuccess = useCallback(
    (title: string) => {
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
        </Toast>,
        { intent: 'success', timeout: 3000 },
      );
    },
    [dispatchToast],
  );
  return { notifyError, notifySuccess };
}
