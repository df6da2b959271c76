/**
 * Reads a Bicep file as a syntax tree (tree-sitter-bicep's wasm grammar in web-tree-sitter), so
 * tests can check infra/azure.bicep without the Bicep CLI, which cannot be installed here.
 * Only literals and references to params/vars are evaluated; everything else stays an expression.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Language, Parser } from 'web-tree-sitter';
import type { Node } from 'web-tree-sitter';

const GRAMMAR = join(
  __dirname,
  '..',
  '..',
  'node_modules',
  'tree-sitter-bicep',
  'tree-sitter-bicep.wasm',
);

let parserPromise: Promise<Parser> | undefined;

/** One parser per test file: loading the wasm grammar is the slow part. */
export function bicepParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const parser = new Parser();
    // Bytes rather than a path: given a path, web-tree-sitter reads it with a dynamic import(),
    // which Jest's CommonJS sandbox refuses without --experimental-vm-modules.
    parser.setLanguage(await Language.load(new Uint8Array(readFileSync(GRAMMAR))));
    return parser;
  })();
  return parserPromise;
}

export interface SyntaxProblem {
  kind: 'error' | 'missing';
  line: number;
  text: string;
}

/** Every ERROR node and every token the parser had to invent (a MISSING node), with its line. */
export function syntaxProblems(root: Node): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const visit = (node: Node) => {
    if (node.isError)
      problems.push({
        kind: 'error',
        line: node.startPosition.row + 1,
        text: node.text.slice(0, 60),
      });
    else if (node.isMissing)
      problems.push({ kind: 'missing', line: node.startPosition.row + 1, text: node.type });
    if (node.hasError || node.isError) node.children.forEach(visit);
  };
  visit(root);
  return problems;
}

/** A value read from the tree: literals become JS values, anything else is kept as source text. */
export type BicepValue =
  string | number | boolean | null | BicepValue[] | { [key: string]: BicepValue } | Expression;

export class Expression {
  constructor(readonly source: string) {}
}

export interface ResourceDeclaration {
  symbol: string;
  /** e.g. `Microsoft.Web/sites` */
  type: string;
  apiVersion: string;
  /** Set when the resource is declared with `[for x in collection: {...}]`. */
  loopCollection?: Node;
  body: Node;
}

export class BicepFile {
  private readonly declarations = new Map<string, Node>();

  constructor(readonly root: Node) {
    for (const node of root.namedChildren) {
      if (node.type === 'parameter_declaration' || node.type === 'variable_declaration') {
        const name = node.namedChildren[0];
        if (name) this.declarations.set(name.text, node);
      }
    }
  }

  /** Resource declarations in source order. */
  resources(): ResourceDeclaration[] {
    return this.root.namedChildren
      .filter((node) => node.type === 'resource_declaration')
      .map((node) => {
        const [symbol, typeString, value] = node.namedChildren;
        if (!symbol || !typeString || !value)
          throw new Error(`Malformed resource at line ${node.startPosition.row + 1}`);
        const [type, apiVersion] = stringLiteral(typeString).split('@');
        if (value.type === 'for_statement') {
          const collection = value.namedChildren[1];
          const body = value.childForFieldName('body');
          if (!collection || !body) throw new Error(`Malformed loop in resource ${symbol.text}`);
          return { symbol: symbol.text, type, apiVersion, loopCollection: collection, body };
        }
        return { symbol: symbol.text, type, apiVersion, body: value };
      });
  }

  resourcesOfType(type: string): ResourceDeclaration[] {
    return this.resources().filter((r) => r.type === type);
  }

  /** Names of `param` declarations, with their default value node if any. */
  parameters(): Map<string, Node | undefined> {
    const params = new Map<string, Node | undefined>();
    for (const node of this.root.namedChildren) {
      if (node.type !== 'parameter_declaration') continue;
      const [name, , defaultValue] = node.namedChildren;
      if (name) params.set(name.text, defaultValue);
    }
    return params;
  }

  outputs(): Map<string, Node> {
    const outputs = new Map<string, Node>();
    for (const node of this.root.namedChildren) {
      if (node.type !== 'output_declaration') continue;
      const name = node.namedChildren[0];
      const value = node.namedChildren[node.namedChildren.length - 1];
      if (name && value) outputs.set(name.text, value);
    }
    return outputs;
  }

  /** Evaluates literals, following identifiers to var values and param defaults. */
  evaluate(node: Node): BicepValue {
    switch (node.type) {
      case 'string':
        return this.evaluateString(node);
      case 'number':
        return Number(node.text);
      case 'boolean':
        return node.text === 'true';
      case 'null':
        return null;
      case 'array':
        return node.namedChildren.filter((n) => n.type !== 'comment').map((n) => this.evaluate(n));
      case 'object': {
        const result: { [key: string]: BicepValue } = {};
        for (const property of node.namedChildren) {
          if (property.type !== 'object_property') continue;
          const [key, value] = property.namedChildren;
          if (!key || !value) continue;
          result[key.type === 'string' ? String(this.evaluateString(key)) : key.text] =
            this.evaluate(value);
        }
        return result;
      }
      case 'identifier':
        return this.resolveIdentifier(node.text) ?? new Expression(node.text);
      default:
        return new Expression(node.text);
    }
  }

  /** A property path inside an object node, e.g. `['properties', 'siteConfig', 'cors']`. */
  property(node: Node, path: string[]): Node | undefined {
    let current: Node | undefined = node;
    for (const key of path) {
      if (!current || current.type !== 'object') return undefined;
      current = current.namedChildren
        .filter((p) => p.type === 'object_property')
        .find((p) => p.namedChildren[0]?.text === key)?.namedChildren[1];
    }
    return current;
  }

  private resolveIdentifier(name: string): BicepValue | undefined {
    const declaration = this.declarations.get(name);
    if (!declaration) return undefined;
    const children = declaration.namedChildren;
    const value = declaration.type === 'variable_declaration' ? children[1] : children[2];
    return value ? this.evaluate(value) : undefined;
  }

  /** Strings with `${...}`: interpolated params/vars are inlined (strings) or expanded (expressions). */
  private evaluateString(node: Node): string {
    return node.namedChildren
      .map((part) => {
        if (part.type !== 'interpolation') return part.text;
        const inner = part.namedChildren[0];
        const value = inner ? this.evaluate(inner) : undefined;
        if (typeof value === 'string') return value;
        // A var holding an expression is expanded, so `${tabDomain}` reads as what it stands for.
        return `\${${value instanceof Expression ? value.source : (inner?.text ?? '')}}`;
      })
      .join('');
  }
}

function stringLiteral(node: Node): string {
  return node.namedChildren.map((n) => n.text).join('');
}

export async function parseBicep(source: string): Promise<BicepFile> {
  const tree = (await bicepParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return new BicepFile(tree.rootNode);
}
