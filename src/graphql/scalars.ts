import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function toInt64(value: unknown): bigint {
  let parsed: bigint | undefined;
  if (typeof value === 'bigint') parsed = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) parsed = BigInt(value);
  else if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) parsed = BigInt(value);
  if (parsed === undefined || parsed < INT64_MIN || parsed > INT64_MAX) {
    throw new GraphQLError('Int64 must be an integer between -2^63 and 2^63-1, as a string or a safe Int');
  }
  return parsed;
}

export const Int64Scalar = new GraphQLScalarType<bigint, string>({
  name: 'Int64',
  serialize: (value) => toInt64(value).toString(),
  parseValue: toInt64,
  parseLiteral(ast) {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toInt64(ast.value);
    throw new GraphQLError('Int64 must be a string or an integer literal');
  },
});

function toDate(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 date-time');
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => toDate(value).toISOString(),
  parseValue: toDate,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return toDate(ast.value);
    throw new GraphQLError('DateTime must be a string literal');
  },
});
