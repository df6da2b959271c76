import { Body1, Button, Text } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';

import type { AspirationView } from '@contract/boardContract';
import { Panel } from '../common/Panel';
import { sharingParts } from '../sharing/deferredSharing';

/**
 * The owner's way to sharing: a small panel that opens the Sharing panel (who can see what,
 * revoke, share, advice) on request, so its code loads after My board shows (bundle budget).
 */

const SharingPanel = lazy(() => sharingParts.load().then((m) => ({ default: m.SharingPanel })));

export function SharingSection({
  employeeId,
  aspirations,
}: {
  employeeId: string;
  aspirations: AspirationView[];
}) {
  const [open, setOpen] = useState(false);
  const placeholder = (
    <Panel as="section" aria-labelledby="sharing-title">
      <Text as="h2" id="sharing-title" size={400} weight="semibold">
        Sharing
      </Text>
      <Body1>
        See who can see your board, share it with a sponsor or mentor, revoke a share, and read the
        advice you asked for.
      </Body1>
      <div>
        <Button
          onPointerEnter={() => void sharingParts.load()}
          onFocus={() => void sharingParts.load()}
          onClick={() => setOpen(true)}
        >
          Manage sharing
        </Button>
      </div>
    </Panel>
  );
  if (!open) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <SharingPanel employeeId={employeeId} aspirations={aspirations} />
    </Suspense>
  );
}
