import { Badge, Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  CalendarErrorRegular,
  CalendarRegular,
  CheckmarkRegular,
  EditRegular,
  MoreHorizontalRegular,
} from '@fluentui/react-icons';
import { Suspense, lazy, useId, useState } from 'react';
import type { ReactNode } from 'react';

import { AcknowledgementStatus } from './AcknowledgementStatus';
import { KIND_TEXT, needsAcknowledgement } from './boardLogic';
import { evidenceAndComments, ownerMenu } from './deferredBoard';
import { StepList } from './StepList';
import type {
  AspirationView,
  EvidenceInput,
  StepStatus,
  ViewerRole,
} from '@contract/boardContract';
import type { MoveDirection } from './boardLogic';
import { formatCalendarDate, todayIsoDate } from '../common/format';
import { Panel } from '../common/Panel';
import { useAfterFirstCommit } from '../common/useAfterFirstCommit';

// The evidence and comment panels (with Fluent's accordion and the keyboard navigation it brings)
// follow the card's first paint: the board shows without them, in their height.
const EvidenceAndComments = lazy(() =>
  evidenceAndComments.load().then((m) => ({ default: m.EvidenceAndComments })),
);

const useStyles = makeStyles({
  card: { boxShadow: tokens.shadow4, minWidth: 0 },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  meta: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    flexGrow: 1,
  },
  target: { display: 'inline-flex', alignItems: 'center', gap: '4px' },
  title: { margin: 0, overflowWrap: 'anywhere' },
  details: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground2,
  },
  // The two collapsed panel headers' height, kept while their code loads so the card does not grow.
  detailsPlaceholder: { minHeight: '64px' },
  managerActions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface AspirationCardProps {
  aspiration: AspirationView;
  viewer: ViewerRole;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onEdit(): void;
  onDelete(): void;
  onMove(direction: MoveDirection): void;
  onAcknowledge(): void;
  onToggleStep(stepId: string, status: StepStatus): void;
  onAddStep(text: string): Promise<void>;
  onAddEvidence(input: EvidenceInput): Promise<void>;
  onAddComment(text: string): Promise<void>;
  /** Sponsorship and "Ask for advice" (issue 13), loaded apart from the board. */
  sharing?: ReactNode;
}

/** One aspiration: what, by when, the plan, the proof, and where it stands with the manager. */
export function AspirationCard(props: AspirationCardProps) {
  const { aspiration, viewer } = props;
  const styles = useStyles();
  const titleId = useId();
  const isOwner = viewer === 'employee';
  const painted = useAfterFirstCommit();
  const detailsPlaceholder = <div className={styles.detailsPlaceholder} aria-hidden />;

  return (
    <Panel
      as="article"
      className={styles.card}
      aria-labelledby={titleId}
      data-testid="aspiration-card"
    >
      <div className={styles.top}>
        <div className={styles.meta}>
          <Badge appearance="outline" shape="rounded" color="brand">
            {KIND_TEXT[aspiration.kind]}
          </Badge>
          {aspiration.targetDate && aspiration.targetDate < todayIsoDate() ? (
            // A passed target date is worth a word in the next conversation: flag it, never hide it.
            <Badge
              appearance="tint"
              shape="rounded"
              color="warning"
              icon={<CalendarErrorRegular />}
              data-testid="target-date-passed"
            >
              {`Target date passed: ${formatCalendarDate(aspiration.targetDate)}`}
            </Badge>
          ) : aspiration.targetDate ? (
            <Caption1 className={styles.target}>
              <CalendarRegular aria-hidden />
              {`By ${formatCalendarDate(aspiration.targetDate)}`}
            </Caption1>
          ) : null}
        </div>
        {isOwner ? <OwnerMenuButton {...props} /> : null}
      </div>
      <Text as="h3" id={titleId} size={400} weight="semibold" className={styles.title}>
        {aspiration.title}
      </Text>
      {aspiration.details ? (
        <Text as="p" className={styles.details}>
          {aspiration.details}
        </Text>
      ) : null}
      <AcknowledgementStatus aspiration={aspiration} viewer={viewer} />
      {props.sharing}
      {viewer === 'manager' ? (
        <div className={styles.managerActions}>
          {needsAcknowledgement(aspiration) ? (
            <Button
              appearance="primary"
              icon={<CheckmarkRegular />}
              onClick={props.onAcknowledge}
              aria-label={
                aspiration.acknowledgement
                  ? `Acknowledge the changes to “${aspiration.title}”`
                  : `Acknowledge “${aspiration.title}”`
              }
            >
              {aspiration.acknowledgement ? 'Acknowledge changes' : 'Acknowledge'}
            </Button>
          ) : (
            // Seen and unchanged: nothing to acknowledge again, but the support note can change.
            <Button
              appearance="subtle"
              icon={<EditRegular />}
              onClick={props.onAcknowledge}
              aria-label={`${aspiration.acknowledgement?.note ? 'Edit your support note' : 'Add a support note'} on “${aspiration.title}”`}
            >
              {aspiration.acknowledgement?.note ? 'Edit support note' : 'Add a support note'}
            </Button>
          )}
        </div>
      ) : null}
      <StepList
        aspiration={aspiration}
        canEdit={isOwner}
        onToggle={props.onToggleStep}
        onAdd={props.onAddStep}
      />
      {painted ? (
        <Suspense fallback={detailsPlaceholder}>
          <EvidenceAndComments
            aspiration={aspiration}
            canEdit={isOwner}
            onAddEvidence={props.onAddEvidence}
            onAddComment={props.onAddComment}
          />
        </Suspense>
      ) : (
        detailsPlaceholder
      )}
    </Panel>
  );
}

/**
 * The owner's menu, loaded the first time anyone wants it (with Fluent's menu and its positioning
 * engine, a fifth of the board's code): until then a button that looks and is named the same, and
 * fetches it on hover or focus, so a click usually finds it ready.
 */
const LazyOwnerMenu = lazy(() => ownerMenu.load().then((m) => ({ default: m.OwnerMenu })));

function OwnerMenuButton({
  aspiration,
  canMoveUp,
  canMoveDown,
  onEdit,
  onDelete,
  onMove,
}: AspirationCardProps) {
  const [wanted, setWanted] = useState(false);
  const placeholder = (
    <Button
      appearance="subtle"
      icon={<MoreHorizontalRegular />}
      aria-label={`Actions for “${aspiration.title}”`}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={() => void ownerMenu.load()}
      onFocus={() => void ownerMenu.load()}
      onClick={() => setWanted(true)}
    />
  );
  if (!wanted) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <LazyOwnerMenu
        title={aspiration.title}
        canMoveUp={canMoveUp}
        canMoveDown={canMoveDown}
        onEdit={onEdit}
        onDelete={onDelete}
        onMove={onMove}
        defaultOpen
      />
    </Suspense>
  );
}
