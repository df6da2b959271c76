import { Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

import {
  CONSENT_START_ROUTE,
  consentOutcomeFromFragment,
  expectedConsentState,
  startConsent,
} from './consent';
import { ProblemState } from '../common/ProblemState';
import { loadRuntimeConfig } from '../config/runtimeConfig';

/**
 * The window Teams opens for consent (authentication.authenticate). First visit: off to Entra's
 * prompt. Back from Entra: tell Teams how it went, and Teams closes the window.
 */
export function ConsentWindow() {
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const hash = window.location.hash;
    const run = async () => {
      if (hash.startsWith(CONSENT_START_ROUTE)) {
        const config = await loadRuntimeConfig();
        if (!config.entra) {
          setProblem('Career Board is not set up to ask for permission here. Close this window.');
          return;
        }
        await startConsent(config.entra);
        return;
      }
      const outcome = consentOutcomeFromFragment(hash, expectedConsentState());
      const { app, authentication } = await import('../teams/teamsSdk.js');
      await app.initialize();
      if (outcome.kind === 'granted') authentication.notifySuccess('consented');
      else authentication.notifyFailure(outcome.kind === 'failed' ? outcome.reason : 'no answer');
    };
    run().catch((error: unknown) =>
      setProblem(
        `Something went wrong (${error instanceof Error ? error.message : String(error)}). Close this window and try again.`,
      ),
    );
  }, []);

  if (problem)
    return <ProblemState title="Career Board can’t ask for permission" message={problem} />;
  return <Spinner label="Opening Microsoft’s permission page…" />;
}
