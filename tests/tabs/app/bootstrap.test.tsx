import { bootAtOnce } from '../../../tabs/src/app/bootstrap';
import { INLINE_CONFIG_META } from '../../../tabs/src/config/pageMeta';

/** Boot settles in the first render only when nothing is left to wait for. */

const SETTINGS = {
  mode: 'local',
  apiBaseUrl: 'http://localhost:7071/api',
  devServicesUrl: 'http://localhost:7072',
  extraHostOrigins: [],
};

function pageCarrying(content: string | null): void {
  document.head.querySelector(`meta[name="${INLINE_CONFIG_META}"]`)?.remove();
  if (content === null) return;
  const meta = document.createElement('meta');
  meta.name = INLINE_CONFIG_META;
  meta.content = content;
  document.head.append(meta);
}

afterEach(() => pageCarrying(null));

describe('booting at once', () => {
  it('a page that carries its settings, opened directly in a browser, is ready in the first render', () => {
    pageCarrying(JSON.stringify(SETTINGS));
    expect(bootAtOnce()).toEqual({
      kind: 'ready',
      config: { ...SETTINGS, entra: null },
      host: { kind: 'standalone' },
    });
  });

  it('in a frame it waits: the frame may be Teams, which only teams-js can tell', () => {
    pageCarrying(JSON.stringify(SETTINGS));
    const framed = { parent: {} } as unknown as Window;
    expect(bootAtOnce(document, framed)).toBeNull();
  });

  it('without settings in the page, or with ones that are not valid, it waits for /config.json', () => {
    pageCarrying(null);
    expect(bootAtOnce()).toBeNull();
    pageCarrying('{not json');
    expect(bootAtOnce()).toBeNull();
    pageCarrying(JSON.stringify({ ...SETTINGS, mode: 'cloud' }));
    expect(bootAtOnce()).toBeNull();
  });
});
