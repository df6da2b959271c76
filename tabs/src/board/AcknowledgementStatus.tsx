import { Badge, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { EyeRegular, EyeOffRegular, EditRegular } from '@fluentui/react-icons';

import type { AspirationView, ViewerRole } from '@contract/boardContract';
import { firstName, formatDay } from '../common/format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  note: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  noteText: { margin: 0 },
  // Long names and dates wrap inside the badge instead of spilling out of it.
  badge: {
    height: 'auto',
    minHeight: '20px',
    whiteSpace: 'normal',
    textAlign: 'left',
    paddingTop: '2px',
    paddingBottom: '2px',
  },
});

/** The words for where an aspiration stands with the manager: "Seen by Alex on 12 March". */
export function acknowledgementText(
  aspiration: Pick<AspirationView, 'acknowledgement' | 'changedSinceAcknowledged'>,
  viewer: ViewerRole,
  now: Date = new Date(),
): string {
  const ack = aspiration.acknowledgement;
  if (!ack) return viewer === 'manager' ? 'Not acknowledged yet' : 'Not seen by your manager yet';
  const who = viewer === 'manager' ? 'you' : firstName(ack.by.displayName);
  if (aspiration.changedSinceAcknowledged) return `Changed since ${who} saw it`;
  return `Seen by ${who} on ${formatDay(ack.at, now)}`;
}

export interface AcknowledgementStatusProps {
  aspiration: AspirationView;
  viewer: ViewerRole;
}

export function AcknowledgementStatus({ aspiration, viewer }: AcknowledgementStatusProps) {
  const styles = useStyles();
  const ack = aspiration.acknowledgement;
  const text = acknowledgementText(aspiration, viewer);
  const state = !ack ? 'unseen' : aspiration.changedSinceAcknowledged ? 'changed' : 'seen';
  return (
    <div className={styles.root}>
      <div>
        <Badge
          className={styles.badge}
          appearance="tint"
          shape="rounded"
          color={state === 'seen' ? 'success' : state === 'changed' ? 'warning' : 'informative'}
          icon={
            state === 'seen' ? (
              <EyeRegular />
            ) : state === 'changed' ? (
              <EditRegular />
            ) : (
              <EyeOffRegular />
            )
          }
        >
          {text}
        </Badge>
      </div>
      {ack?.note ? (
        <figure className={styles.note}>
          <figcaption>
            <Caption1>
              {viewer === 'manager'
                ? 'Your support note'
                : `${firstName(ack.by.displayName)}’s support note`}
            </Caption1>
          </figcaption>
          <Text as="p" block className={styles.noteText}>
            {ack.note}
          </Text>
        </figure>
      ) : null}
    </div>
  );
}
