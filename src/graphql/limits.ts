import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
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
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = { maxDepth: 10, maxAliases: 30 };

/** Most refs in one `payments` call, and most representations in one `_entities` request. */
export const DEFAULT_MAX_REFS = 100;

/** Apollo reports validation errors with `extensions.code` GRAPHQL_VALIDATION_FAILED. */
function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { retryable: false } });
}

/** The deepest field nesting of any operation, fragments expanded (a fragment cycle is reported elsewhere). */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, visiting) : 0));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || visiting.has(fragment.name.value)) continue;
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set(visiting).add(fragment.name.value)));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(limitError(`The query is ${String(depth)} levels deep; at most ${String(maxDepth)} are allowed`));
        }
      },
    };
  };
}

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

/**
 * At most `maxRepresentations` entities per `_entities` request, checked once the operation and
 * its variables are known and before it executes.
 */
export function entitiesLimitPlugin<Context extends object>(maxRepresentations: number): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, request }) {
          for (const selection of operation?.selectionSet.selections ?? []) {
            if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') continue;
            const argument = selection.arguments?.find((arg) => arg.name.value === 'representations');
            const count = argument ? listLength(argument.value, request.variables ?? {}) : 0;
            if (count > maxRepresentations) {
              throw new GraphQLError(`_entities accepts at most ${String(maxRepresentations)} representations; got ${String(count)}`, {
                extensions: { code: ErrorCode.BAD_USER_INPUT, retryable: false, http: { status: 400 } },
              });
            }
          }
          return Promise.resolve();
        },
      });
    },
  };
}

function listLength(value: ValueNode, variables: Readonly<Record<string, unknown>>): number {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const variable = variables[value.name.value];
    return Array.isArray(variable) ? variable.length : 0;
  }
  return 0;
}
