import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  label: { width: '40%' },
  when: { width: '85%' },
  status: { width: '70%' },
  button: { width: '128px' },
  row: { width: '100%' },
});

/**
 * The conversations section while it loads: the "next conversation" lines and two collapsed
 * conversations, at their loaded heights.
 */
export function ConversationsSkeleton() {
  const styles = useStyles();
  return (
    <Skeleton aria-hidden className={styles.root}>
      <SkeletonItem className={styles.label} size={16} />
      <SkeletonItem className={styles.when} size={20} />
      <SkeletonItem className={styles.status} size={16} />
      <SkeletonItem className={styles.button} size={32} />
      <SkeletonItem className={styles.row} size={40} />
      <SkeletonItem className={styles.row} size={40} />
    </Skeleton>
  );
}
