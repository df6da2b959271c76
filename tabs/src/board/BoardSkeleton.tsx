import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

import { boardLayoutStyles } from './boardLayout';
import { Panel } from '../common/Panel';
import { useScreenReaderOnly } from '../common/srOnly';

const useStyles = makeStyles({
  title: { width: '240px', maxWidth: '70%' },
  subtitle: { width: '180px', maxWidth: '50%' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { minHeight: '150px', boxSizing: 'border-box' },
  short: { width: '40%' },
  long: { width: '85%' },
  panel: { gridColumn: '1 / -1' },
});

/** The board's frame while it loads: same columns, card sizes and side panel, so nothing jumps. */
export function BoardSkeleton({
  announce = true,
  aside,
}: {
  announce?: boolean;
  /** The side panel's content as it loads (the conversations' skeleton). */
  aside?: ReactNode;
}) {
  const layout = boardLayoutStyles();
  const styles = useStyles();
  const srOnly = useScreenReaderOnly();
  const body = (
    <Skeleton aria-hidden className={layout.page}>
      <div className={layout.header}>
        <SkeletonItem className={styles.title} size={28} />
        <SkeletonItem className={styles.subtitle} size={16} />
      </div>
      <div className={layout.body}>
        <div className={layout.columns}>
          {[0, 1, 2].map((column) => (
            <div key={column} className={styles.column}>
              <SkeletonItem className={styles.short} size={20} />
              {[0, 1].map((card) => (
                <Panel key={card} gap="s" stroke="none" className={styles.card}>
                  <SkeletonItem className={styles.short} size={16} />
                  <SkeletonItem className={styles.long} size={20} />
                  <SkeletonItem size={12} />
                  <SkeletonItem className={styles.long} size={12} />
                </Panel>
              ))}
            </div>
          ))}
        </div>
        <div className={layout.side}>
          <BoardSideSkeleton aside={aside} />
        </div>
      </div>
    </Skeleton>
  );
  if (!announce) return body;
  return (
    <div role="status" aria-live="polite">
      <span className={srOnly.root}>Loading the board…</span>
      {body}
    </div>
  );
}

/** A side column's first panel while it loads: a title and the conversations' skeleton. */
export function BoardSideSkeleton({ aside }: { aside?: ReactNode }) {
  const styles = useStyles();
  return (
    <Skeleton aria-hidden>
      <Panel stroke="none" className={styles.panel}>
        <SkeletonItem className={styles.title} size={20} />
        {aside}
      </Panel>
    </Skeleton>
  );
}
