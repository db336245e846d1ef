// Unsaved changes are not lost without a word: every form made with useForm
// inside a component is tracked while it is mounted, and leaving the page
// (a link, the sidebar, Back, a reload, closing the tab) while one holds
// edits not saved asks first. A form in a closed <dialog>, or being saved
// (a create that opens the new record), does not count; changes of the
// address that stay on the page (a search or filter kept in the URL) do not
// ask. A navigation in the app asks in the app's own dialog
// (UnsavedChangesDialog, mounted by App.vue: a router guard may wait for the
// answer); a reload or a closed tab can only ask the browser's way.
import { computed, getCurrentInstance, onBeforeUnmount, shallowRef, type Ref } from 'vue';
import type { Router } from 'vue-router';

interface Tracked {
  unsaved: () => boolean;
  root: Ref<HTMLElement | null>;
}

const tracked = new Set<Tracked>();
/** The next navigation was chosen inside a dialog (a link it offers, such as the owner of a taken address). */
let leavingOnPurpose = false;

/** A link followed from inside a dialog leaves it on purpose: the dialog's edits go without asking. */
export function leaveOnPurpose(): void {
  leavingOnPurpose = true;
}

/** Called by useForm: tracks the form while its component is mounted. */
export function trackUnsaved(form: Tracked): void {
  if (!getCurrentInstance()) return;
  tracked.add(form);
  onBeforeUnmount(() => tracked.delete(form));
}

function shown(root: HTMLElement | null): boolean {
  if (!root || !root.isConnected) return false;
  const dialog = root.closest('dialog');
  return !dialog || dialog.open;
}

/** Whether a form on screen holds edits not saved. */
export function hasUnsavedChanges(): boolean {
  for (const form of tracked) if (form.unsaved() && shown(form.root.value)) return true;
  return false;
}

/** Answers the question being asked: true to leave. */
const pending = shallowRef<((leave: boolean) => void) | null>(null);

/** The leave question, for the dialog that asks it: whether it is asked, and the answer. */
export const leaveQuestion = {
  asked: computed(() => pending.value !== null),
  answer(leave: boolean): void {
    const resolve = pending.value;
    pending.value = null;
    resolve?.(leave);
  },
};

function askToLeave(): Promise<boolean> {
  pending.value?.(false); // a navigation started while one was asked about replaces it
  return new Promise((resolve) => (pending.value = resolve));
}

/** Asks before a navigation or an unload would throw unsaved edits away. */
export function installUnsavedChangesGuard(router: Router): () => void {
  const removeGuard = router.beforeEach((to, from) => {
    const chosen = leavingOnPurpose;
    leavingOnPurpose = false;
    if (chosen || to.path === from.path || !hasUnsavedChanges()) return true;
    return askToLeave();
  });
  const onUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedChanges()) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers need it set to ask
  };
  window.addEventListener('beforeunload', onUnload);
  return () => {
    removeGuard();
    window.removeEventListener('beforeunload', onUnload);
  };
}
