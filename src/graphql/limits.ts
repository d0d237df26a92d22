import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ArgumentNode,
  type ASTVisitor,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from '../errors/codes.js';

/**
 * Request-level limits, decided before execution and so before any provider is called: a deep or
 * alias-heavy query costs the subgraph (and the providers) far more than its size suggests.
 */
export interface RequestLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  /** Lexical tokens in the document, enforced by graphql-js's parser before anything else runs. */
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxFragmentSpreads: number;
  /** Field selections once every fragment is expanded: what execution would walk. */
  readonly maxExpandedFields: number;
}

/**
 * Generous for every operation in operations/ (the dashboard query is about 150 tokens, 0 directives,
 * 0 spreads) and small enough that a hostile document is refused in milliseconds.
 */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = { maxDepth: 10, maxAliases: 30, maxTokens: 3_000, maxDirectives: 50, maxFragmentSpreads: 100, maxExpandedFields: 2_000 };

/** Most refs in one `payments` call, and most representations in one `_entities` request. */
export const DEFAULT_MAX_REFS = 100;

/** The document rules every operation passes, over HTTP and over WebSocket alike. */
export function limitRules(limits: RequestLimits) {
  return [
    depthLimit(limits.maxDepth),
    expandedFieldLimit(limits.maxExpandedFields),
    aliasLimit(limits.maxAliases),
    directiveLimit(limits.maxDirectives),
    fragmentSpreadLimit(limits.maxFragmentSpreads),
  ];
}

/** Apollo reports validation errors with `extensions.code` GRAPHQL_VALIDATION_FAILED. */
function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { retryable: false } });
}

/**
 * A fragment's share of a measure (depth, fields, keys), worked out once per fragment and reused at
 * every spread: what keeps every rule here linear in the document however often fragments are
 * spread. A fragment cycle (reported by graphql-js's NoFragmentCycles) and an unknown fragment
 * measure `empty`.
 */
function memoizedFragments<T>(definitions: readonly DefinitionNode[], empty: T, measure: (fragment: FragmentDefinitionNode) => T): (name: string) => T {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measured = new Map<string, T>();
  const inProgress = new Set<string>();
  return (name) => {
    const known = measured.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return empty;
    inProgress.add(name);
    const value = measure(fragment);
    inProgress.delete(name);
    measured.set(name, value);
    return value;
  };
}

/**
 * The deepest field nesting of any operation, fragments expanded. Linear in the document: each
 * fragment's depth is worked out once and reused at every spread, so a fragment that spreads the
 * next one twice, 23 levels down (2^23 paths), costs 23 steps, not 8 million.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragmentDepth = memoizedFragments(context.getDocument().definitions, 0, (fragment) => depthOf(fragment.selectionSet));
    const depthOf = (selectionSet: SelectionSetNode): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet));
        } else {
          deepest = Math.max(deepest, fragmentDepth(selection.name.value));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(limitError(`The query is ${String(depth)} levels deep; at most ${String(maxDepth)} are allowed`));
        }
      },
    };
  };
}

/**
 * How many field selections the document expands to, fragments spread out: a document of 1 KB whose
 * fragments each spread the next one twice expands to millions. Counted like the depth, one pass
 * per fragment, so refusing it costs milliseconds.
 */
export function expandedFieldLimit(maxFields: number) {
  return (context: ValidationContext): ASTVisitor => {
    const ofFragment = memoizedFragments(context.getDocument().definitions, 0, (fragment) => ofSelections(fragment.selectionSet));
    const ofSelections = (selectionSet: SelectionSetNode): number => {
      let fields = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) fields += 1 + (selection.selectionSet ? ofSelections(selection.selectionSet) : 0);
        else if (selection.kind === Kind.INLINE_FRAGMENT) fields += ofSelections(selection.selectionSet);
        else fields += ofFragment(selection.name.value);
      }
      return fields;
    };
    return {
      OperationDefinition(operation) {
        const fields = ofSelections(operation.selectionSet);
        if (fields > maxFields) {
          context.reportError(limitError(`The query expands to ${String(fields)} fields; at most ${String(maxFields)} are allowed`));
        }
      },
    };
  };
}

/** A count of one kind of node in the whole document, linear: each node is visited once. */
function nodeCountLimit(kind: 'Directive' | 'FragmentSpread', noun: string, max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      [kind]() {
        count += 1;
      },
      Document: {
        leave() {
          if (count > max) context.reportError(limitError(`The query uses ${String(count)} ${noun}; at most ${String(max)} are allowed`));
        },
      },
    };
  };
}

export const directiveLimit = (max: number) => nodeCountLimit('Directive', 'directives', max);
export const fragmentSpreadLimit = (max: number) => nodeCountLimit('FragmentSpread', 'fragment spreads', max);

/** Aliases in the whole document: each alias of `payment` is one more provider call. */
export function aliasLimit(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(limitError(`The query uses ${String(aliases)} aliases; at most ${String(maxAliases)} are allowed`));
          }
        },
      },
    };
  };
}

/** The provider keys one operation asks for: entity representations, and payment refs. */
interface KeyCount {
  readonly representations: number;
  readonly refs: number;
  /** Representations whose `__typename` is missing or not an entity this subgraph resolves. */
  readonly foreign: number;
}

const NO_KEYS: KeyCount = { representations: 0, refs: 0, foreign: 0 };
const addKeys = (a: KeyCount, b: KeyCount): KeyCount => ({
  representations: a.representations + b.representations,
  refs: a.refs + b.refs,
  foreign: a.foreign + b.foreign,
});

/** The entity types this subgraph resolves (`Payment @key`; `Order` is `resolvable: false`). */
const ENTITY_TYPES: ReadonlySet<string> = new Set(['Payment']);

/**
 * At most `maxKeys` entity representations and at most `maxKeys` payment refs per request, counted
 * however they are written: every `_entities` and `payments`/`payment` field, aliased or behind
 * fragments and inline fragments, once the operation and its variables are known and before it
 * executes, each fragment counted once (`memoizedFragments`).
 */
export function requestKeysLimitPlugin<Context extends object>(maxKeys: number): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document, request }) {
          if (!operation) return Promise.resolve();
          const keys = keysOf(operation.selectionSet, document.definitions, request.variables ?? {});
          const refuse = (message: string) =>
            new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, retryable: false, http: { status: 400 } } });
          if (keys.representations > maxKeys) {
            throw refuse(`_entities accepts at most ${String(maxKeys)} representations; got ${String(keys.representations)}`);
          }
          if (keys.foreign > 0) {
            throw refuse(`_entities resolves only ${[...ENTITY_TYPES].join(', ')} representations, each with its __typename`);
          }
          if (keys.refs > maxKeys) {
            throw refuse(`payments accepts at most ${String(maxKeys)} refs per request, every payments and payment field counted; got ${String(keys.refs)}`);
          }
          return Promise.resolve();
        },
      });
    },
  };
}

function keysOf(
  root: SelectionSetNode,
  definitions: readonly DefinitionNode[],
  variables: Readonly<Record<string, unknown>>,
): KeyCount {
  const ofFragment = memoizedFragments(definitions, NO_KEYS, (fragment) => ofSelections(fragment.selectionSet));
  const ofSelections = (selectionSet: SelectionSetNode): KeyCount => {
    let keys = NO_KEYS;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) keys = addKeys(keys, ofFragment(selection.name.value));
      else if (selection.kind === Kind.INLINE_FRAGMENT) keys = addKeys(keys, ofSelections(selection.selectionSet));
      else {
        keys = addKeys(keys, ofField(selection.name.value, selection.arguments ?? [], variables));
        if (selection.selectionSet) keys = addKeys(keys, ofSelections(selection.selectionSet));
      }
    }
    return keys;
  };
  return ofSelections(root);
}

function ofField(name: string, args: readonly ArgumentNode[], variables: Readonly<Record<string, unknown>>): KeyCount {
  const listArgument = (argumentName: string) => {
    const argument = args.find((arg) => arg.name.value === argumentName);
    return argument ? listLength(argument.value, variables) : 0;
  };
  if (name === '_entities') {
    const argument = args.find((arg) => arg.name.value === 'representations');
    return { representations: listArgument('representations'), refs: 0, foreign: argument ? foreignRepresentations(argument.value, variables) : 0 };
  }
  if (name === 'payments') return { ...NO_KEYS, refs: listArgument('refs') };
  if (name === 'payment') return { ...NO_KEYS, refs: 1 };
  return NO_KEYS;
}

/** Representations (from variables or written inline) that are no object with a known entity `__typename`. */
function foreignRepresentations(value: ValueNode, variables: Readonly<Record<string, unknown>>): number {
  if (value.kind === Kind.VARIABLE) {
    const list = variables[value.name.value];
    if (!Array.isArray(list)) return 0;
    return list.filter((item) => {
      const typename = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['__typename'] : undefined;
      return typeof typename !== 'string' || !ENTITY_TYPES.has(typename);
    }).length;
  }
  if (value.kind !== Kind.LIST) return 0;
  return value.values.filter((item) => {
    if (item.kind !== Kind.OBJECT) return item.kind !== Kind.VARIABLE;
    const typename = item.fields.find((field) => field.name.value === '__typename')?.value;
    return typename?.kind !== Kind.STRING || !ENTITY_TYPES.has(typename.value);
  }).length;
}

function listLength(value: ValueNode, variables: Readonly<Record<string, unknown>>): number {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const variable = variables[value.name.value];
    return Array.isArray(variable) ? variable.length : 0;
  }
  return 0;
}
