// Server errors on a field definition: an error about one option
// (`options.2.value`) belongs to the option list as a whole.
import { GraphQLRequestError } from '../graphql/client';
import { toFormErrors, type FormErrors } from '../graphql/errors';
import { FORM_FIELDS } from './field-form';

export function fieldFormErrors(error: unknown): FormErrors {
  if (error instanceof GraphQLRequestError) {
    const errors = error.errors.map((entry) => {
      const field = entry.extensions?.field;
      if (typeof field === 'string' && /(^|\.)options(\.|\[|$)/.test(field)) {
        return { ...entry, extensions: { ...entry.extensions, field: 'options' } };
      }
      return entry;
    });
    return toFormErrors(new GraphQLRequestError(errors, error.status), FORM_FIELDS);
  }
  return toFormErrors(error, FORM_FIELDS);
}
