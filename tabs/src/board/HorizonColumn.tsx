import {
  Button,
  Caption1,
  CounterBadge,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { ReactNode } from 'react';

import { HORIZON_TEXT } from '../common/boardText';
import type { Horizon } from '@contract/boardContract';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '28px',
  },
  title: { margin: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  empty: {
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
});

export interface HorizonColumnProps {
  horizon: Horizon;
  count: number;
  canAdd: boolean;
  onAdd(): void;
  children: ReactNode;
}

/** One horizon (next, 1 year, 3 years) and its aspirations, in the owner's order. */
export function HorizonColumn({ horizon, count, canAdd, onAdd, children }: HorizonColumnProps) {
  const styles = useStyles();
  const headingId = useId();
  const text = HORIZON_TEXT[horizon];
  return (
    <section className={styles.column} aria-labelledby={headingId} data-horizon={horizon}>
      <div className={styles.heading}>
        <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.title}>
          {text.title}
        </Text>
        <CounterBadge
          count={count}
          showZero
          appearance="ghost"
          color="informative"
          aria-label={`${count} aspirations`}
        />
      </div>
      <Caption1>{text.hint}</Caption1>
      {count > 0 ? (
        <ul className={styles.list}>{children}</ul>
      ) : (
        <div className={styles.empty}>Nothing here yet.</div>
      )}
      {canAdd ? (
        <div>
          <Button appearance="subtle" icon={<AddRegular />} onClick={onAdd}>
            {`Add to ${text.title}`}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
