// The state of a ConfirmDialog that asks about one thing (a field, a webhook,
// a token, an invitation…): what it asks about, whether it is open, its texts
// for that thing, and the action to run on it when confirmed.
//
//   const deletion = useConfirm((field: Field) => ({ title: …, intro, submit, saving }), remove);
//   deletion.ask(field);
//   <ConfirmDialog :open="deletion.open.value" :texts="deletion.texts.value" :action="deletion.action"
//     @close="deletion.close()" @done="deletion.close()" />
import { computed, shallowRef, type ComputedRef, type Ref } from 'vue';

/** ConfirmDialog's texts: its title, the line under it, the confirm button's words and what it says while working. */
export interface ConfirmTexts {
  title: string;
  intro: string;
  submit: string;
  saving: string;
}

export interface Confirm<T> {
  /** What the dialog asks about; null while it is closed. */
  target: Ref<T | null>;
  open: ComputedRef<boolean>;
  /** The texts for the target (while closed, those of the last one asked about). */
  texts: ComputedRef<ConfirmTexts>;
  /** Runs the action on the target, for ConfirmDialog's `action` (a failure throws, for the dialog to show). */
  action: () => Promise<unknown>;
  ask(target: T): void;
  close(): void;
}

const NO_TEXTS: ConfirmTexts = { title: '', intro: '', submit: '', saving: '' };

export function useConfirm<T>(texts: (target: T) => ConfirmTexts, action: (target: T) => Promise<unknown>): Confirm<T> {
  const target = shallowRef<T | null>(null);
  /** The last target asked about, so the texts stay put once the dialog closes. */
  const last = shallowRef<T | null>(null);

  return {
    target,
    open: computed(() => target.value !== null),
    texts: computed(() => {
      const shown = target.value ?? last.value;
      return shown === null ? NO_TEXTS : texts(shown);
    }),
    action: async () => {
      const current = target.value;
      return current === null ? undefined : action(current);
    },
    ask(next: T): void {
      target.value = next;
      last.value = next;
    },
    close(): void {
      target.value = null;
    },
  };
}
