import { useCallback } from 'react';

import { describeProblem } from '../api/describeProblem';
import { postNotice } from './noticeBus';

/** Short-lived messages: a failed quick action (rolled back) or a quiet confirmation. */
export function useNotify() {
  const notifyError = useCallback((error: unknown, doing: string) => {
    const { title, message } = describeProblem(error);
    postNotice({ intent: 'error', title: `${doing}: ${title}`, body: message, timeoutMs: 8000 });
  }, []);
  const notifySuccess = useCallback((title: string) => {
    postNotice({ intent: 'success', title, timeoutMs: 3000 });
  }, []);
  return { notifyError, notifySuccess };
}
