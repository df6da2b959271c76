import { Button, Subtitle1, Body1, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, LockClosedRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

/** A whole-screen problem: what happened, what to do, and a way forward. */
export interface ProblemStateProps {
  title: string;
  message: string;
  /** `error`: something failed (announced); `no-access` and `info`: how things are. */
  kind?: 'error' | 'no-access' | 'info';
  actions?: ReactNode;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalM,
    maxWidth: '560px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
  },
  icon: { fontSize: '48px', color: tokens.colorNeutralForeground3 },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    justifyContent: 'center',
  },
});

export function ProblemState({ title, message, kind = 'error', actions }: ProblemStateProps) {
  const styles = useStyles();
  const Icon =
    kind === 'no-access' ? LockClosedRegular : kind === 'info' ? InfoRegular : ErrorCircleRegular;
  return (
    <section
      className={styles.root}
      role={kind === 'error' ? 'alert' : undefined}
      aria-labelledby="problem-title"
    >
      <Icon className={styles.icon} aria-hidden />
      <Subtitle1 as="h1" id="problem-title" align="center">
        {title}
      </Subtitle1>
      <Body1 align="center">{message}</Body1>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </section>
  );
}

export function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <Button appearance="primary" onClick={onRetry}>
      Try again
    </Button>
  );
}
