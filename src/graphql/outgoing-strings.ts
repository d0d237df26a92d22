import { defaultFieldResolver, type GraphQLField, type GraphQLFieldResolver, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { scrubText } from '../security/scrub.js';

/**
 * Fields whose strings are money, never text: the filter must not mask an amount whose digits happen
 * to pass Luhn. Named by schema coordinate, not by response key, so an alias cannot use the exemption.
 */
const MONEY_STRINGS: ReadonlySet<string> = new Set(['Money.decimal']);

/**
 * Puts every String and ID field of the schema behind the outgoing filter (`scrubText`): whatever a
 * provider sent and wherever it landed (an order id, a customer name, a processor code, metadata),
 * a card number is masked and this service's credentials, JWTs and private keys are removed before
 * the value is serialized. By type, so no field can be forgotten and no alias can route around it;
 * Int64 amounts are not strings of the schema and are never touched.
 */
export function filterOutgoingStrings(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isTextField(field) || MONEY_STRINGS.has(`${type.name}.${field.name}`)) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => scrubResolved(resolve(source, args, context, info));
    }
  }
  return schema;
}

/*
 * Realm-independent checks: @apollo/subgraph builds the schema with graphql's CommonJS build while
 * this module may load its ESM build, and graphql's own `isObjectType` refuses types of the other one.
 */
function isObjectType(type: GraphQLNamedType): type is GraphQLObjectType {
  return Object.prototype.toString.call(type) === '[object GraphQLObjectType]';
}

/** A field of type String or ID, lists and non-null wrappers included. */
function isTextField(field: GraphQLField<unknown, unknown>): boolean {
  let type: unknown = field.type;
  while (typeof type === 'object' && type !== null && 'ofType' in type) type = type.ofType;
  const name = (type as { name?: unknown }).name;
  return name === 'String' || name === 'ID';
}

function scrubResolved(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map(scrubResolved);
  if (value instanceof Promise) return value.then(scrubResolved);
  return value;
}
