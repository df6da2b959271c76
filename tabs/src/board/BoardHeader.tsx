import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowLeftRegular } from '@fluentui/react-icons';

import type { BoardView } from '@contract/boardContract';
import { firstName, possessive } from '../common/format';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minHeight: '56px',
  },
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  titles: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  title: { margin: 0, overflowWrap: 'anywhere' },
  back: { display: 'inline-flex', alignItems: 'center', gap: '4px' },
});

export interface BoardHeaderProps {
  board: BoardView;
  isOwnBoard: boolean;
  compact: boolean;
  onAdd(): void;
}

/** Whose board this is, who their manager is, and what you can do here. */
export function BoardHeader({ board, isOwnBoard, compact, onAdd }: BoardHeaderProps) {
  const styles = useStyles();
  const { employee, manager, viewer } = board;
  const isOwner = viewer.role === 'employee';
  const heading = isOwnBoard ? 'My board' : `${possessive(employee.displayName)} board`;
  const subtitle = [
    isOwnBoard ? employee.displayName : null,
    employee.jobTitle,
    manager ? `Manager: ${manager.displayName}` : 'No manager in the org chart',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div className={styles.root}>
      {viewer.role === 'manager' && !compact ? (
        <Link href="#/team" className={styles.back}>
          <ArrowLeftRegular aria-hidden />
          My team
        </Link>
      ) : null}
      <div className={styles.row}>
        <div className={styles.titles}>
          <Text as="h1" size={compact ? 500 : 600} weight="semibold" className={styles.title}>
            {compact ? `${possessive(employee.displayName)} career board` : heading}
          </Text>
          <Caption1>{subtitle}</Caption1>
        </div>
        {isOwner ? (
          <Button appearance="primary" icon={<AddRegular />} onClick={onAdd}>
            Add aspiration
          </Button>
        ) : null}
      </div>
      {viewer.role === 'manager' ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {`You’re viewing this as ${firstName(employee.displayName)}’s manager. Acknowledge what you’ve read and add a support note; only ${firstName(employee.displayName)} can change the board.`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
