import type { TeamsSdkModule } from '../../../tabs/src/teams/teamsHost';
import { connectToHost, isTopLevelWindow } from '../../../tabs/src/teams/teamsHost';

/** A teams-js whose host never answers `initialize`, as in a frame that is not Teams. */
function silentSdk(): { load: jest.Mock<Promise<TeamsSdkModule>, []> } {
  const sdk = {
    app: { initialize: () => new Promise<void>(() => undefined) },
  } as unknown as TeamsSdkModule;
  return { load: jest.fn(async () => sdk) };
}

describe('finding the Teams host', () => {
  test('a page that is not framed is standalone at once, without loading the SDK', async () => {
    const { load } = silentSdk();
    const started = Date.now();
    await expect(connectToHost({ validMessageOrigins: [], loadSdk: load })).resolves.toEqual({
      kind: 'standalone',
    });
    expect(Date.now() - started).toBeLessThan(200);
    expect(load).not.toHaveBeenCalled();
  });

  test('a framed page whose parent never answers gives up after the short timeout', async () => {
    const { load } = silentSdk();
    const framed = { parent: {} } as unknown as Window;
    expect(isTopLevelWindow(framed)).toBe(false);
    const started = Date.now();
    await expect(
      connectToHost({ validMessageOrigins: [], timeoutMs: 300, win: framed, loadSdk: load }),
    ).resolves.toEqual({
      kind: 'standalone',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(load).toHaveBeenCalled();
  });
});
