import { Body1, Button } from '@fluentui/react-components';
import { useState } from 'react';

import { consentStartUrl, needsAdminConsent } from './consent';
import { ADMIN_CONSENT_STEPS, adminConsentProblem } from './signInProblem';
import type { SignInProblem } from './signInProblem';
import { ProblemState } from '../common/ProblemState';
import type { EntraAppConfig } from '../config/runtimeConfig';
import type { HostConnection } from '../teams/teamsHost';

export interface ConsentNeededProps {
  problem: SignInProblem;
  host: HostConnection;
  entra: EntraAppConfig | null;
  /** Ask Teams for a token again (after consent, or once an admin says they have granted it). */
  onRetry(): void;
}

type Step =
  { kind: 'ask' } | { kind: 'asking' } | { kind: 'closed' } | { kind: 'failed'; reason: string };

/**
 * Consent is missing. Where the person may give it, a window Teams opens shows Entra's prompt
 * (Microsoft's documented SSO fallback); where only an admin can, the page says exactly what the
 * admin must do and offers no button that cannot help.
 */
export function ConsentNeeded({ problem, host, entra, onRetry }: ConsentNeededProps) {
  const [step, setStep] = useState<Step>({ kind: 'ask' });
  const [admin, setAdmin] = useState(problem.consent === 'admin');
  const canAsk = !admin && host.kind === 'teams' && entra !== null;

  if (!canAsk) {
    const shown = admin ? adminConsentProblem() : problem;
    return (
      <ProblemState
        kind="no-access"
        title={shown.title}
        message={
          admin
            ? shown.message
            : `${problem.message} Career Board can’t open the permission prompt here, so an admin has to approve it for everyone. ${ADMIN_CONSENT_STEPS}`
        }
        actions={
          <Button appearance="secondary" onClick={onRetry}>
            My admin has approved it: check again
          </Button>
        }
      />
    );
  }

  async function ask() {
    if (host.kind !== 'teams') return;
    setStep({ kind: 'asking' });
    try {
      await host.authenticate(consentStartUrl(window.location.origin, host.context.tenantId));
      onRetry();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (needsAdminConsent(reason)) setAdmin(true);
      else if (/CancelledByUser|cancel/i.test(reason)) setStep({ kind: 'closed' });
      else setStep({ kind: 'failed', reason });
    }
  }

  return (
    <ProblemState
      kind="info"
      title={problem.title}
      message={`${problem.message} Teams opens a Microsoft window where you see what Career Board asks for, and choose.`}
      actions={
        <>
          <Button
            appearance="primary"
            onClick={() => void ask()}
            disabledFocusable={step.kind === 'asking'}
          >
            {step.kind === 'asking' ? 'Waiting for your answer…' : 'Review and allow'}
          </Button>
          {step.kind === 'closed' ? (
            <Body1 role="status">
              The permission window was closed before you chose. Select “Review and allow” to open
              it again.
            </Body1>
          ) : null}
          {step.kind === 'failed' ? (
            <Body1 role="alert">{`The permission window reported a problem (${step.reason}). Select “Review and allow” to try once more; if it happens again, ask your IT admin to approve Career Board for everyone.`}</Body1>
          ) : null}
        </>
      }
    />
  );
}
