import { createRequire } from 'node:module';

/**
 * The embedded server's query engine (`@zeit/cosmosdb-query`) compiles a query's FROM clause to
 * `collection.reduce(($, c) => [...$, { c }], [])`: each document copies the whole accumulator,
 * so a query costs O(n²) in the documents it is handed. Partition scoping keeps n small for most
 * queries, but a tenant's directory partition holds everyone: with 100,000 people one query there
 * took 110 s and the SDK gave up at 60 s (issue 14). Cosmos DB serves such a query from its index,
 * so the local quadratic says nothing about the product. This rewrites the compiled reducers to
 * append in place, `($.push(…), $)`: the accumulator is the reduce's own fresh `[]`, so nothing
 * else can see it change, and the answers stay the same (tests/api/local/cosmosQueries.int.test.ts).
 */

interface Node {
  type: string;
  [field: string]: unknown;
}

type Transform = (sqlAst: Record<string, unknown>) => Node;

let patched = false;

/** The engine the server itself loads, wherever npm placed it. */
const fromServer = createRequire(require.resolve('@vercel/cosmosdb-server'));

export function appendQuerySourcesInPlace(): void {
  if (patched) return;
  patched = true;
  const transformer = fromServer('@zeit/cosmosdb-query/lib/transformer') as { default: Transform };
  const transform = transformer.default;
  transformer.default = (sqlAst) => rewrite(transform(sqlAst)) as Node;
}

/** The JavaScript the server's engine compiles `sql` to (what the tests inspect). */
export function compiledQuery(sql: string): string {
  const engine = fromServer('@zeit/cosmosdb-query') as {
    default: (sql: string) => { code: string };
  };
  return engine.default(sql).code;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function isAccumulator(node: unknown): boolean {
  return isNode(node) && node.type === 'Identifier' && node.name === '$';
}

/** `x.reduce(($, …) => …, [])`: the callback's `$` is the reduce's own fresh array. */
function accumulatingCallback(node: Node): Node | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const callee = node.callee;
  const args = node.arguments as unknown[];
  if (!isNode(callee) || callee.type !== 'MemberExpression') return undefined;
  const property = callee.property;
  if (!isNode(property) || property.name !== 'reduce' || args.length !== 2) return undefined;
  const [callback, initial] = args;
  if (!isNode(initial) || initial.type !== 'ArrayExpression') return undefined;
  if ((initial.elements as unknown[]).length !== 0) return undefined;
  if (!isNode(callback) || callback.type !== 'ArrowFunctionExpression') return undefined;
  return isAccumulator((callback.params as unknown[])[0]) ? callback : undefined;
}

/**
 * The tree with `exit` applied to each node after its children (a copy: the engine's own AST is
 * left as it is); below a node `descend` refuses, nothing is visited.
 */
function postOrder(
  value: unknown,
  exit: (node: Node) => unknown,
  descend: (node: Node) => boolean = () => true,
): unknown {
  if (Array.isArray(value)) return value.map((item) => postOrder(item, exit, descend));
  if (!isNode(value) || !descend(value)) return value;
  const node: Node = { ...value };
  for (const [key, child] of Object.entries(node)) node[key] = postOrder(child, exit, descend);
  return exit(node);
}

function rewrite(value: unknown): unknown {
  return postOrder(value, (node) => {
    const callback = accumulatingCallback(node);
    if (callback) callback.body = appendInPlace(callback.body);
    return node;
  });
}

/**
 * In a callback's body (not inside nested functions): `[...$, a, ...b]` →
 * `($.push(a), b.forEach(($item) => $.push($item)), $)`.
 */
function appendInPlace(value: unknown): unknown {
  return postOrder(
    value,
    (node) => {
      const elements = node.type === 'ArrayExpression' ? (node.elements as unknown[]) : [];
      const [first, ...rest] = elements;
      if (!isNode(first) || first.type !== 'SpreadElement' || !isAccumulator(first.argument))
        return node;
      const accumulator = { type: 'Identifier', name: '$' };
      return {
        type: 'SequenceExpression',
        expressions: [...rest.map((element) => push(accumulator, element)), accumulator],
      };
    },
    (node) => !node.type.includes('Function'),
  );
}

/**
 * One `$.push(…)` per element; a spread element (a JOIN's array) is pushed item by item, since
 * `push(...array)` has an argument limit.
 */
function push(accumulator: Node, element: unknown): Node {
  const call = (argument: unknown): Node => ({
    type: 'CallExpression',
    callee: {
      type: 'MemberExpression',
      object: accumulator,
      property: { type: 'Identifier', name: 'push' },
      computed: false,
    },
    arguments: [argument],
  });
  if (!isNode(element) || element.type !== 'SpreadElement') return call(element);
  const item = { type: 'Identifier', name: '$item' };
  return {
    type: 'CallExpression',
    callee: {
      type: 'MemberExpression',
      object: element.argument,
      property: { type: 'Identifier', name: 'forEach' },
      computed: false,
    },
    arguments: [{ type: 'ArrowFunctionExpression', params: [item], body: call(item) }],
  };
}
