import {
  loadRuntimeConfig,
  readInlineConfig,
  RuntimeConfigError,
  takeEarlyConfigRequest,
} from '../config/runtimeConfig';
import type { RuntimeConfig } from '../config/runtimeConfig';
import { connectToHost, isTopLevelWindow } from '../teams/teamsHost';
import type { HostConnection } from '../teams/teamsHost';

export type BootState =
  | { kind: 'starting' }
  | { kind: 'failed'; title: string; message: string }
  | { kind: 'ready'; config: RuntimeConfig; host: HostConnection };

/** Read the runtime settings, then find out (quickly) whether Teams is hosting us. */
export async function boot(): Promise<BootState> {
  try {
    const config = await loadRuntimeConfig();
    const host = await connectToHost({
      validMessageOrigins: config.extraHostOrigins,
      loadSdk: () => import('../teams/teamsSdk.js'),
    });
    return { kind: 'ready', config, host };
  } catch (error) {
    return {
      kind: 'failed',
      title: 'Career Board could not start',
      message:
        error instanceof RuntimeConfigError
          ? error.message
          : 'Something went wrong while starting. Reload the page; if it keeps happening, tell your IT admin.',
    };
  }
}

/**
 * Boot without waiting when there is nothing to wait for: the page carries its settings (the local
 * tab server writes them in) and no frame around it could be Teams. The first render is then the
 * sign-in itself, not a skeleton that is mounted, painted and thrown away a frame later (issue 14:
 * each such stage cost the board about 100 ms). Null: boot() has to find out.
 */
export function bootAtOnce(doc: Document = document, win: Window = window): BootState | null {
  if (!isTopLevelWindow(win)) return null;
  const config = readInlineConfig(doc);
  if (!config) return null;
  // The early script's copy of the same settings is not needed now; a later load asks afresh.
  takeEarlyConfigRequest()?.catch(() => undefined);
  return { kind: 'ready', config, host: { kind: 'standalone' } };
}
