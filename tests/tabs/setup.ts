/**
 * jsdom lacks a few browser APIs the tab (and Fluent UI) touch. No test reaches the network:
 * `fetch` rejects, which is also what teams-js sees when it fetches its valid-domains list.
 */

globalThis.fetch = (() => Promise.reject(new Error('No network in tab tests.'))) as typeof fetch;

if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }

  class NoopResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  if (!('ResizeObserver' in window)) {
    (window as unknown as { ResizeObserver: typeof NoopResizeObserver }).ResizeObserver =
      NoopResizeObserver;
  }

  // Fluent's scroll-into-view and positioning helpers call these.
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
}
