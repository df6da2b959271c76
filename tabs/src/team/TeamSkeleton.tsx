import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';

import { teamLayoutStyles } from './teamLayout';
import { useScreenReaderOnly } from '../common/srOnly';

const useStyles = makeStyles({
  title: { width: '160px' },
  subtitle: { width: '320px', maxWidth: '80%' },
  toolbar: { height: '56px' },
  row: { height: '72px' },
  rows: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The team view's frame while it loads. */
export function TeamSkeleton() {
  const layout = teamLayoutStyles();
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  return (
    <div role="status">
      <span className={srOnly.root}>Loading your team…</span>
      <Skeleton aria-hidden className={layout.page}>
        <div className={layout.header}>
          <SkeletonItem className={styles.title} size={28} />
          <SkeletonItem className={styles.subtitle} size={16} />
        </div>
        <SkeletonItem className={styles.toolbar} />
        <div className={styles.rows}>
          {[0, 1, 2, 3].map((i) => (
            <SkeletonItem key={i} className={styles.row} />
          ))}
        </div>
      </Skeleton>
    </div>
  );
}
