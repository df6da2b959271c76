import { Suspense, lazy, useEffect, useState } from 'react';

import { whenNoticeWaits } from './noticeBus';

const NoticeToaster = lazy(() =>
  import('./NoticeToaster').then((m) => ({ default: m.NoticeToaster })),
);

/** Mounts the toaster when the first notice is posted, not on the first visit. */
export function DeferredToaster() {
  const [wanted, setWanted] = useState(false);
  useEffect(() => whenNoticeWaits(() => setWanted(true)), []);
  return wanted ? (
    <Suspense fallback={null}>
      <NoticeToaster />
    </Suspense>
  ) : null;
}
