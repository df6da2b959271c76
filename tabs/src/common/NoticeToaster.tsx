import {
  Toast,
  ToastBody,
  ToastTitle,
  Toaster,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { useEffect } from 'react';

import { receiveNotices } from './noticeBus';

/** The toaster and the bridge from the notice bus to it; loaded on the first notice. */
export function NoticeToaster() {
  const toasterId = useId('career-board-toaster');
  const { dispatchToast } = useToastController(toasterId);
  // The Toaster child registers itself in its own effect, which runs before this one.
  useEffect(
    () =>
      receiveNotices((notice) =>
        dispatchToast(
          <Toast>
            <ToastTitle>{notice.title}</ToastTitle>
            {notice.body ? <ToastBody>{notice.body}</ToastBody> : null}
          </Toast>,
          { intent: notice.intent, timeout: notice.timeoutMs },
        ),
      ),
    [dispatchToast],
  );
  return <Toaster toasterId={toasterId} position="bottom-end" pauseOnHover pauseOnWindowBlur />;
}
