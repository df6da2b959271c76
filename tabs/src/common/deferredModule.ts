/**
 * A module the tab loads only when someone first uses it (a dialog, a menu, the API's schemas).
 * Its loader is handed in once at start: main.tsx gives a dynamic import (one chunk each), the tab
 * tests give the same module already loaded. Each feature declares its own, so nothing at the top
 * of the app has to name a feature's modules and no import runs back up.
 */
export interface DeferredModule<T> {
  load(): Promise<T>;
  provide(loader: () => Promise<T>): void;
}

export function deferredModule<T>(name: string): DeferredModule<T> {
  let loader: (() => Promise<T>) | null = null;
  return {
    load() {
      if (!loader) throw new Error(`Career Board started without ${name} (main.tsx).`);
      return loader();
    },
    provide(given) {
      loader = given;
    },
  };
}
