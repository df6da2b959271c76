import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';

import type { AspirationView, ViewerRole } from '@contract/boardContract';
import { describeProblem } from '../api/describeProblem';
import { useSession } from '../common/session';
import { sharingParts } from '../sharing/deferredSharing';

/**
 * On a card: who will sponsor the aspiration, the manager's "I will sponsor this" (a commitment,
 * apart from acknowledging), and the employee's "Ask for advice". The question form loads on the
 * first click, so none of sharing's code is in what paints My board (bundle budget).
 */

const AskAdvice = lazy(() => sharingParts.load().then((m) => ({ default: m.AskAdvice })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sponsor: { color: tokens.colorPaletteGreenForeground1, overflowWrap: 'anywhere' },
});

export function CardSharing({
  employeeId,
  aspiration,
  viewer,
  onChanged,
}: {
  employeeId: string;
  aspiration: AspirationView;
  viewer: ViewerRole;
  onChanged(): Promise<void>;
}) {
  const styles = useStyles();
  const { api } = useSession();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sponsorship = aspiration.sponsorship ?? null;

  async function toggleSponsor() {
    try {
      await api.sponsor(employeeId, aspiration.id, sponsorship === null);
      setError(null);
      await onChanged();
    } catch (failure) {
      setError(describeProblem(failure).message);
    }
  }

  return (
    <div className={styles.root}>
      {sponsorship ? (
        <Body1
          className={styles.sponsor}
        >{`${sponsorship.by.displayName} will sponsor this`}</Body1>
      ) : null}
      {viewer === 'manager' ? (
        <div>
          <Button
            onClick={() => void toggleSponsor()}
            aria-label={`${sponsorship ? 'Withdraw your sponsorship of' : 'I will sponsor'} “${aspiration.title}”`}
          >
            {sponsorship ? 'Withdraw sponsorship' : 'I will sponsor this'}
          </Button>
        </div>
      ) : null}
      {viewer === 'employee' && !asking ? (
        <div>
          <Button
            onPointerEnter={() => void sharingParts.load()}
            onFocus={() => void sharingParts.load()}
            onClick={() => setAsking(true)}
            aria-label={`Ask for advice on “${aspiration.title}”`}
          >
            Ask for advice
          </Button>
        </div>
      ) : null}
      {asking ? (
        <Suspense fallback={null}>
          <AskAdvice
            employeeId={employeeId}
            aspiration={aspiration}
            onDone={() => setAsking(false)}
          />
        </Suspense>
      ) : null}
      {error ? <Body1 role="alert">{error}</Body1> : null}
    </div>
  );
}
