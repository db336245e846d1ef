import type { ParamValue } from '../message.js';

export const fieldValues = {
  'fieldValues.notExpectedForm': (p: { hint: ParamValue }) => `the value does not have the expected form: ${p.hint}`,
  'fieldValues.mustMatchPattern': (p: { pattern: ParamValue }) => `the value must match the pattern ${p.pattern}.`,
  'fieldValues.notValidValue': (p: { value: ParamValue }) => `${p.value} is not a valid value.`,
  'fieldValues.useTrueFalse1': () => `Use true or false (or 1/0, yes/no).`,
  'fieldValues.notDateInForm': (p: { v: ParamValue }) => `"${p.v}" is not a date in the form YYYY-MM-DD.`,
  'fieldValues.notCalendarDate': (p: { v: ParamValue }) => `${p.v} is not a calendar date.`,
  'fieldValues.notWholeNumberDigits': (p: { v: ParamValue }) =>
    `"${p.v}" is not a whole number (digits with an optional sign; no spaces, separators or decimals).`,
  'fieldValues.wholeNumberHaveAt': (p: { integerDigits: number }) => `A whole number can have at most ${p.integerDigits} digits.`,
  'fieldValues.notDecimalNumberDigits': (p: { v: ParamValue }) =>
    `"${p.v}" is not a decimal number (digits with an optional sign and a point, e.g. 12.5; no spaces, commas or exponents).`,
  'fieldValues.decimalNumberHaveAt': (p: { decimalDigits: number }) =>
    `A decimal number can have at most ${p.decimalDigits} digits before the point.`,
  'fieldValues.decimalNumberHaveAt2': (p: { decimalFraction: number }) =>
    `A decimal number can have at most ${p.decimalFraction} digits after the point.`,
  'fieldValues.notOneOptions': (p: { v: ParamValue; some: ParamValue; value: ParamValue }) =>
    `${p.v} is not one of the options (${p.some}${p.value}).`,
  'fieldValues.notOrganizationId': (p: { v: ParamValue }) => `"${p.v}" is not the id of an organization.`,
  'fieldValues.notUserId': (p: { v: ParamValue }) => `"${p.v}" is not the id of a user.`,
  'fieldValues.valueMustText': () => `the value must be text.`,
  'fieldValues.valuesMustListTexts': () => `values must be a list of texts.`,
  'fieldValues.fieldTakesOneValue': () => `this field takes one value: use value, not values.`,
  'fieldValues.giveEitherValueValues': () => `give either value or values, not both.`,
};
