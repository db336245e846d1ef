import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** An optional minus sign, digits, and optionally a point followed by digits: "42", "-0.5", "12.125". */
const DECIMAL = /^-?\d+(\.\d+)?$/;

function decimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value)) return value;
  throw new GraphQLError(
    `Decimal must be a string of digits with an optional sign and fraction, such as "12.5"; got ${JSON.stringify(value)?.slice(0, 40)}.`,
  );
}

/**
 * An exact decimal number, sent as a string so that no client rounds it
 * through a float: optional minus sign, digits, optional point and digits,
 * without exponent or grouping ("42", "-0.5", "1234567.123456").
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'An exact decimal number as a string: an optional minus sign, digits, and optionally a point followed by digits ("42", "-0.5", "1234567.123456"); ' +
    'never an exponent or digit grouping. Read it with a decimal type, not a float, to keep every digit.',
  serialize: decimal,
  parseValue: decimal,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal must be given as a string, such as "12.5".');
    return decimal(ast.value);
  },
});
