// The state every form shares: its values, the errors by field (checks made
// before sending, then the server's, from `extensions.field` or each entry of
// `extensions.errors`), the errors that name no field, the save state, and
// whether anything changed. A refused save focuses the first invalid control.
//
//   const form = useForm({ initial: () => ({ name: '' }), fields: ['name'],
//     validate: (v) => (v.name.trim() ? {} : { name: clientError('errors.nameRequired') }),
//     send: async (v) => { await request(CreateThingDocument, { input: v }); } });
//   <form :ref="form.root" novalidate @submit.prevent="form.submit" @input="form.onInput">
import { computed, nextTick, ref, type ComputedRef, type Ref } from 'vue';
import { clientError, toFormErrors, type FieldError, type FieldErrors, type FormErrors } from '../../graphql/errors';
import { trackUnsaved } from './unsaved-changes';

/**
 * idle: nothing sent since the last edit; saving: on its way; saved: the
 * server took it; unchanged: an edit form saved with nothing changed (nothing
 * sent); error: refused, by a check or by the server.
 */
export type SaveState = 'idle' | 'saving' | 'saved' | 'unchanged' | 'error';

export interface FormOptions<TValues> {
  /** The values the form starts from, and returns to on reset(). */
  initial: () => TValues;
  /** The fields the server's errors may name; errors naming any other are general. */
  fields: readonly string[] | (() => readonly string[]);
  /** Checks made before sending: the errors found, by field. */
  validate?: (values: TValues) => Partial<FieldErrors>;
  /**
   * Edit forms: what differs from the saved record. It tells whether the form
   * is dirty, and a save with nothing changed sends nothing.
   */
  changes?: (values: TValues) => object;
  /**
   * Sends the values; a failure it throws becomes errors. It may resolve to
   * the values the form goes on with (what the server saved, or empty fields).
   */
  send: (values: TValues) => Promise<TValues | void>;
  /** Turns a refused save into errors (by default, by `fields`). */
  toErrors?: (failure: unknown, fields: readonly string[]) => FormErrors;
  /** After a refused save's errors are shown, before the focus moves. */
  onFailure?: (errors: FormErrors) => void;
}

/** What a form holds and does; components such as FormDialog take one. */
export interface Form<TValues = unknown> {
  /** The <form> (or any element around the controls), for the focus. */
  root: Ref<HTMLElement | null>;
  values: Ref<TValues>;
  /** By field name: the checks' and the server's. */
  errors: Ref<FieldErrors>;
  /** Errors that name no field of the form. */
  generalErrors: Ref<FieldError[]>;
  state: Ref<SaveState>;
  saving: ComputedRef<boolean>;
  /** The values differ from those saved (or, with `changes`, something changed). */
  dirty: ComputedRef<boolean>;
  /** A save was tried: checks made live may show from now on. */
  attempted: Ref<boolean>;
  /** An edit: the confirmation goes, and so do the errors of the fields named. */
  clearError(...names: string[]): void;
  /** For `@input` on the form: the control typed in is named by its `name`. */
  onInput(event: Event): void;
  /** Shows errors found outside a save (e.g. a check of one control). */
  showErrors(found: FieldErrors, general?: FieldError[]): Promise<void>;
  focusFirstInvalid(): Promise<void>;
  /** Back to `next` (by default the initial values), as saved: no errors, not dirty. */
  reset(next?: TValues): void;
  /** Checks, then sends. True when the server took it. */
  submit(): Promise<boolean>;
}

/** The controls a person can fix; a fieldset marked invalid holds them. */
const INVALID_CONTROL = 'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"]';

function isEmpty(value: object): boolean {
  return Object.keys(value).length === 0;
}

function definedOnly(errors: Partial<FieldErrors>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, FieldError] => entry[1] !== undefined));
}

export function useForm<TValues>(options: FormOptions<TValues>): Form<TValues> {
  const root = ref<HTMLElement | null>(null);
  const values = ref(options.initial()) as Ref<TValues>;
  let pristine = JSON.stringify(values.value);
  const errors = ref<FieldErrors>({});
  const generalErrors = ref<FieldError[]>([]);
  const state = ref<SaveState>('idle');
  const attempted = ref(false);

  const saving = computed(() => state.value === 'saving');
  const dirty = computed(() => (options.changes ? !isEmpty(options.changes(values.value)) : JSON.stringify(values.value) !== pristine));

  trackUnsaved({ unsaved: () => dirty.value && state.value !== 'saving', root });

  function fieldNames(): readonly string[] {
    return typeof options.fields === 'function' ? options.fields() : options.fields;
  }

  function clearError(...names: string[]): void {
    if (state.value !== 'saving') state.value = 'idle';
    if (!names.some((name) => errors.value[name])) return;
    const rest = { ...errors.value };
    for (const name of names) delete rest[name];
    errors.value = rest;
  }

  function onInput(event: Event): void {
    const name = (event.target as HTMLInputElement | null)?.name;
    clearError(...(name ? [name] : []));
  }

  async function focusFirstInvalid(): Promise<void> {
    await nextTick();
    root.value?.querySelector<HTMLElement>(INVALID_CONTROL)?.focus();
  }

  async function showErrors(found: FieldErrors, general: FieldError[] = []): Promise<void> {
    errors.value = found;
    generalErrors.value = general;
    state.value = 'error';
    await focusFirstInvalid();
  }

  function reset(next: TValues = options.initial()): void {
    values.value = next;
    pristine = JSON.stringify(next);
    errors.value = {};
    generalErrors.value = [];
    state.value = 'idle';
    attempted.value = false;
  }

  async function submit(): Promise<boolean> {
    if (state.value === 'saving') return false;
    attempted.value = true;
    generalErrors.value = [];
    const problems = definedOnly(options.validate?.(values.value) ?? {});
    if (!isEmpty(problems)) {
      await showErrors(problems);
      return false;
    }
    if (options.changes && isEmpty(options.changes(values.value))) {
      errors.value = {};
      state.value = 'unchanged';
      return false;
    }
    state.value = 'saving';
    try {
      const next = await options.send(values.value);
      if (next !== undefined) {
        values.value = next;
        pristine = JSON.stringify(next);
      }
    } catch (failure) {
      const found = (options.toErrors ?? toFormErrors)(failure, fieldNames());
      errors.value = found.fields;
      generalErrors.value = found.general;
      state.value = 'error';
      options.onFailure?.(found);
      await focusFirstInvalid();
      return false;
    }
    errors.value = {};
    state.value = 'saved';
    return true;
  }

  return {
    root,
    values,
    errors,
    generalErrors,
    state,
    saving,
    dirty,
    attempted,
    clearError,
    onInput,
    showErrors,
    focusFirstInvalid,
    reset,
    submit,
  };
}

/** The text fields left empty (or only spaces), each with its message's i18n key. */
export function missingText<TValues extends object>(values: TValues, messages: Partial<Record<keyof TValues & string, string>>): FieldErrors {
  const missing: FieldErrors = {};
  for (const [field, i18nKey] of Object.entries(messages) as [keyof TValues & string, string][]) {
    const value = values[field];
    if (typeof value === 'string' && value.trim() === '') missing[field] = clientError(i18nKey);
  }
  return missing;
}
