/**
 * The partition key values a cross-partition query names in an `IN` filter, so the embedded
 * server can run it over those partitions only, as Cosmos DB does: a query with an equality filter
 * on the partition key is routed to the physical partitions holding those values and served from
 * their indexes ("Query an Azure Cosmos DB container", in-partition queries:
 * https://learn.microsoft.com/azure/cosmos-db/how-to-query-container). Without this, the embedded
 * server evaluates such a query against every document of the container, and a team view would
 * cost what the whole container holds.
 *
 * Only one shape is recognised, on purpose: `… FROM c WHERE c.<key> IN (@p, 'literal', …)` as the
 * first conjunct, with nothing after it but `AND …` clauses or `ORDER BY`, and no top-level `OR`
 * (which would bind looser than the filter and let other partitions match). Anything else returns
 * undefined and runs over the whole container, which is always a correct answer.
 */

export interface QueryParameter {
  name: string;
  value: unknown;
}

const SHAPE =
  /^\s*SELECT\s[^()]*?\bFROM\s+(\w+)\s+WHERE\s+(\w+)\.(\w+)\s+IN\s*\(([^()]*)\)([\s\S]*)$/i;
const TOP_LEVEL_OR = /\bOR\b/i;
const PARAMETER = /^@\w+$/;
const STRING_LITERAL = /^'((?:[^'\\]|\\.)*)'$/;

export function partitionsNamedBy(
  queryText: string,
  parameters: readonly QueryParameter[] | undefined,
  partitionKeyPath: readonly string[],
): Set<unknown> | undefined {
  if (partitionKeyPath.length !== 1) return undefined;
  const match = SHAPE.exec(queryText);
  if (!match) return undefined;
  const [, alias, filteredAlias, property, list, rest] = match;
  if (alias !== filteredAlias || property !== partitionKeyPath[0]) return undefined;
  if (!onlyConjunctionsFollow(rest)) return undefined;
  const values = new Set<unknown>();
  for (const raw of list.split(',')) {
    const item = raw.trim();
    if (PARAMETER.test(item)) {
      const parameter = parameters?.find((p) => p.name === item);
      if (!parameter) return undefined;
      values.add(parameter.value);
      continue;
    }
    const literal = STRING_LITERAL.exec(item);
    if (!literal) return undefined;
    values.add(literal[1]);
  }
  return values.size > 0 ? values : undefined;
}

/** True when `rest` is empty or goes on with AND/ORDER BY and holds no OR outside parentheses. */
function onlyConjunctionsFollow(rest: string): boolean {
  const trimmed = rest.trim();
  if (trimmed === '') return true;
  if (!/^(AND\b|ORDER\s+BY\b)/i.test(trimmed)) return false;
  let depth = 0;
  let quoted = false;
  // What stands outside parentheses and string literals; a parenthesised OR is harmless.
  let topLevel = '';
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === "'") quoted = false;
    } else if (ch === "'") {
      quoted = true;
    } else if (ch === '(') {
      depth++;
      topLevel += ' ';
    } else if (ch === ')') {
      depth--;
      if (depth < 0) return false;
    } else if (depth === 0) {
      topLevel += ch;
    }
  }
  return !quoted && depth === 0 && !TOP_LEVEL_OR.test(topLevel);
}
