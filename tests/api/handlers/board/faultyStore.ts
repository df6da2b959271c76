import type { Container } from '@azure/cosmos';

import { createBoardRepository } from '../../../../api/src/store/boardRepository';
import type { TestStack } from '../../../support/testStack';

/**
 * Fault injection at the store boundary of a real stack: the board repository is rebuilt over
 * the real containers, with chosen operations failing the way Cosmos DB fails (an error with a
 * status `code`) while `failing()` says so. Everything else is the real embedded Cosmos DB.
 */

export type ItemsOperation = 'create' | 'upsert' | 'bulk';
export type ItemOperation = 'replace' | 'delete';

interface Faults {
  items?: ItemsOperation[];
  item?: ItemOperation[];
  /** Only item operations on documents whose id matches. */
  itemId?: RegExp;
}

const unavailable = () =>
  Object.assign(new Error('injected: Cosmos DB unavailable'), { code: 503, name: 'ErrorResponse' });

function bindAll<T extends object>(target: T, override: (prop: PropertyKey) => unknown): T {
  return new Proxy(target, {
    get(t, prop) {
      const replaced = override(prop);
      if (replaced !== undefined) return replaced;
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

export function faulty(real: Container, faults: Faults, failing: () => boolean): Container {
  const items = bindAll(real.items, (prop) => {
    if (!faults.items?.includes(prop as ItemsOperation)) return undefined;
    const original = (real.items as unknown as Record<string, (...a: unknown[]) => unknown>)[
      prop as string
    ].bind(real.items);
    return async (...args: unknown[]) => {
      if (failing()) throw unavailable();
      return original(...args);
    };
  });
  return bindAll(real, (prop) => {
    if (prop === 'items') return items;
    if (prop !== 'item') return undefined;
    return (id: string, partitionKey: string) => {
      const item = real.item(id, partitionKey);
      if (faults.itemId && !faults.itemId.test(id)) return item;
      return bindAll(item, (op) => {
        if (!faults.item?.includes(op as ItemOperation)) return undefined;
        const original = (item as unknown as Record<string, (...a: unknown[]) => unknown>)[
          op as string
        ].bind(item);
        return async (...args: unknown[]) => {
          if (failing()) throw unavailable();
          return original(...args);
        };
      });
    };
  });
}

/** Swaps the stack's board repository for one over faulty containers; returns the undo. */
export function injectStoreFaults(
  stack: TestStack,
  faults: { boards?: Faults; history?: Faults },
  failing: () => boolean,
): () => void {
  const original = stack.services.boards;
  const { boards, history } = stack.services.cosmos.containers;
  stack.services.boards = createBoardRepository(
    faults.boards ? faulty(boards, faults.boards, failing) : boards,
    faults.history ? faulty(history, faults.history, failing) : history,
  );
  return () => {
    stack.services.boards = original;
  };
}
