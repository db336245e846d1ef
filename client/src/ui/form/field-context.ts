// A FormField tells the control inside it which id to take and what describes
// it (its error, its hint), so that a control needs no slot props:
//   <FormField id="profile-tags" :label :error><TagInput v-model="tags" /></FormField>
// A control's own props win (a control outside any FormField passes them).
import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue';

export interface FieldContext {
  id: string;
  describedby: string | undefined;
  invalid: 'true' | undefined;
}

/** What a form control takes, from its FormField or from its parent. */
export interface ControlProps {
  id?: string;
  name?: string;
  disabled?: boolean;
  describedby?: string;
  invalid?: 'true';
}

const FIELD: InjectionKey<ComputedRef<FieldContext>> = Symbol('form-field');

export function provideField(context: ComputedRef<FieldContext>): void {
  provide(FIELD, context);
}

export function useFieldControl(props: ControlProps) {
  const field = inject(FIELD, null);
  return {
    id: computed(() => props.id ?? field?.value.id),
    describedby: computed(() => props.describedby ?? field?.value.describedby),
    invalid: computed(() => props.invalid ?? field?.value.invalid),
  };
}
