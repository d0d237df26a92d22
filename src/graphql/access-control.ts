import { GraphQLError, Kind, type ConstDirectiveNode, type GraphQLField, type GraphQLFieldResolver, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema, defaultFieldResolver } from 'graphql';
import { ErrorCode } from '../errors/codes.js';
import type { Caller } from './caller.js';
import type { GraphQLContext } from './context.js';

/** What a field asks of its caller, read from the schema's own directives. */
interface Requirement {
  readonly authenticated: boolean;
  /** `@requiresScopes(scopes: [[a, b], [c]])`: (a AND b) OR c. Empty: no scope needed. */
  readonly scopes: ReadonlyArray<readonly string[]>;
  /** Only a verified gateway (federation's `_service`, whose SDL describes the whole subgraph). */
  readonly gatewayOnly: boolean;
}

/**
 * Enforces `@authenticated` and `@requiresScopes` in the subgraph itself, defence in depth behind the
 * gateway: a field (or a field returning a type) that carries them resolves only for a caller whose
 * verified claims satisfy them; otherwise it is null with UNAUTHENTICATED or FORBIDDEN at its own
 * path, and the rest of the payment still arrives. `_service` answers only a verified gateway unless
 * the caller is trusted (development).
 */
export function enforceAccessControl(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRequirement = requirementOf(type.astNode?.directives ?? []);
    for (const field of Object.values(type.getFields())) {
      const requirement = merge(
        typeRequirement,
        requirementOf(field.astNode?.directives ?? []),
        requirementOf(namedType(field)?.astNode?.directives ?? []),
        { authenticated: false, scopes: [], gatewayOnly: type.name === 'Query' && field.name === '_service' },
      );
      if (!requirement.authenticated && requirement.scopes.length === 0 && !requirement.gatewayOnly) continue;
      const resolve: GraphQLFieldResolver<unknown, GraphQLContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: GraphQLContext, info) => {
        const refusal = refusalFor(context.caller, requirement);
        if (refusal) throw refusal;
        context.cacheHint.sawProtectedField();
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

function refusalFor(caller: Caller, requirement: Requirement): GraphQLError | undefined {
  if (caller.kind === 'trusted') return undefined;
  if (requirement.gatewayOnly && !caller.verified) return refusal(ErrorCode.FORBIDDEN, 'Only the gateway may read this');
  if ((requirement.authenticated || requirement.scopes.length > 0) && !caller.authenticated) {
    return refusal(ErrorCode.UNAUTHENTICATED, 'This field needs an authenticated caller');
  }
  const granted = requirement.scopes.length === 0 || requirement.scopes.some((all) => all.every((scope) => caller.scopes.has(scope)));
  return granted ? undefined : refusal(ErrorCode.FORBIDDEN, 'This field needs a scope the caller does not have');
}

function refusal(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, retryable: false } });
}

const NONE: Requirement = { authenticated: false, scopes: [], gatewayOnly: false };

function merge(...requirements: Requirement[]): Requirement {
  return requirements.reduce(
    (all, one) => ({ authenticated: all.authenticated || one.authenticated, scopes: [...all.scopes, ...one.scopes], gatewayOnly: all.gatewayOnly || one.gatewayOnly }),
    NONE,
  );
}

/**
 * Several `@requiresScopes` (on the type and on the field) must all hold; each is an OR of ANDs,
 * so their conjunction is kept as the cross product's alternatives. The schema has one at most per
 * field; a second one narrows, it never widens.
 */
function requirementOf(directives: readonly ConstDirectiveNode[]): Requirement {
  let requirement = NONE;
  for (const directive of directives) {
    if (directive.name.value === 'authenticated') requirement = { ...requirement, authenticated: true };
    if (directive.name.value !== 'requiresScopes') continue;
    const argument = directive.arguments?.find((arg) => arg.name.value === 'scopes')?.value;
    if (argument?.kind !== Kind.LIST) continue;
    const alternatives = argument.values.map((all) => (all.kind === Kind.LIST ? all.values.flatMap((scope) => (scope.kind === Kind.STRING ? [scope.value] : [])) : []));
    requirement = {
      ...requirement,
      scopes: requirement.scopes.length === 0 ? alternatives : requirement.scopes.flatMap((left) => alternatives.map((right) => [...left, ...right])),
    };
  }
  return requirement;
}

/* Realm-independent, as in outgoing-strings.ts: the schema's types come from graphql's other build. */
function isObjectType(type: GraphQLNamedType): type is GraphQLObjectType {
  return Object.prototype.toString.call(type) === '[object GraphQLObjectType]';
}

function namedType(field: GraphQLField<unknown, unknown>): GraphQLNamedType | undefined {
  let type: unknown = field.type;
  while (typeof type === 'object' && type !== null && 'ofType' in type) type = type.ofType;
  return type as GraphQLNamedType | undefined;
}
