import { loadRuntimeConfig, RuntimeConfigError } from '../config/runtimeConfig';
import type { RuntimeConfig } from '../config/runtimeConfig';
import { connectToHost } from '../teams/teamsHost';
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
      loadSdk: () => import('../teams/teamsSdk'),
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
