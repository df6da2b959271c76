import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';

import { BoardScreenSkeleton } from './BoardScreenSkeleton';
import { useScreenReaderOnly } from '../common/srOnly';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    minHeight: '48px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
  brand: { width: '140px' },
  nav: { width: '180px' },
});

/** What the app looks like before it knows who you are: the same frame, so nothing jumps. */
export function AppSkeleton() {
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  return (
    <div role="status" aria-live="polite">
      <span className={srOnly.root}>Loading Career Board…</span>
      <Skeleton aria-hidden className={styles.header}>
        <SkeletonItem className={styles.brand} size={20} />
        <SkeletonItem className={styles.nav} size={20} />
      </Skeleton>
      <BoardScreenSkeleton announce={false} />
    </div>
  );
}
