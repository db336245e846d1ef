import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { useCombobox, type Combobox, type ComboboxKeys } from '../../client/src/ui/use-combobox';

// The combobox keys every picker shares (ui/use-combobox.ts `keydown`): the requester, organization, lookup, time zone
// and tag pickers each pass only their own choices.

async function opened(items: string[]): Promise<Combobox<string>> {
  let combo!: Combobox<string>;
  mount(
    defineComponent({
      setup() {
        combo = useCombobox<string>({ id: () => 'pick', fetch: async () => items });
        return () => h('input');
      },
    }),
  );
  if (items.length) {
    combo.search('x', true);
    await flushPromises();
  }
  return combo;
}

function press(combo: Combobox<string>, key: string, keys: ComboboxKeys<string>, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, cancelable: true, bubbles: true, ...init });
  const stop = vi.spyOn(event, 'stopPropagation');
  combo.keydown(event, keys);
  return { prevented: event.defaultPrevented, stopped: stop.mock.calls.length > 0 };
}

describe('combobox keys', () => {
  it('moves through the list with the arrows, wrapping, and picks the highlighted option with Enter', async () => {
    const combo = await opened(['ada', 'grace', 'katherine']);
    const pick = vi.fn();
    expect(press(combo, 'ArrowDown', { pick }).prevented).toBe(true);
    expect(combo.activeItem.value).toBe('ada');
    press(combo, 'ArrowUp', { pick });
    expect(combo.activeItem.value).toBe('katherine');
    press(combo, 'ArrowDown', { pick });
    expect(combo.activeItem.value).toBe('ada');
    expect(press(combo, 'Enter', { pick }).prevented).toBe(true);
    expect(pick).toHaveBeenCalledWith('ada');
  });

  it('opens a closed list with ArrowDown only when the picker says how (ArrowUp too with arrowUpOpens)', async () => {
    const combo = await opened([]);
    const openList = vi.fn();
    expect(press(combo, 'ArrowUp', { pick: vi.fn(), openList }).prevented).toBe(false);
    expect(openList).not.toHaveBeenCalled();
    expect(press(combo, 'ArrowDown', { pick: vi.fn(), openList }).prevented).toBe(true);
    expect(openList).toHaveBeenCalledTimes(1);
    press(combo, 'ArrowUp', { pick: vi.fn(), openList, arrowUpOpens: true });
    expect(openList).toHaveBeenCalledTimes(2);
    // No way to open: the key is the page's (e.g. scrolling).
    expect(press(combo, 'ArrowDown', { pick: vi.fn() }).prevented).toBe(false);
  });

  it('does not submit the form with an open list and nothing highlighted; leaves Enter alone when closed', async () => {
    const combo = await opened(['ada']);
    const pick = vi.fn();
    expect(press(combo, 'Enter', { pick }).prevented).toBe(true);
    expect(pick).not.toHaveBeenCalled();
    const enter = vi.fn();
    press(combo, 'Enter', { pick, enter });
    expect(enter).toHaveBeenCalledTimes(1);
    combo.close();
    expect(press(combo, 'Enter', { pick }).prevented).toBe(false);
  });

  it('closes the list with Escape without closing the dialog around it, then leaves Escape to the page', async () => {
    const combo = await opened(['ada']);
    const closed = vi.fn();
    const escapeClosed = vi.fn();
    expect(press(combo, 'Escape', { pick: vi.fn(), closed, escapeClosed })).toEqual({ prevented: true, stopped: true });
    expect(combo.open.value).toBe(false);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(press(combo, 'Escape', { pick: vi.fn(), closed, escapeClosed })).toEqual({ prevented: false, stopped: false });
    expect(escapeClosed).toHaveBeenCalledTimes(1);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('ignores keys while an input method composes, and uses the picker’s own idea of a shown list', async () => {
    const combo = await opened(['ada']);
    const pick = vi.fn();
    press(combo, 'ArrowDown', { pick });
    expect(press(combo, 'Enter', { pick }, { isComposing: true }).prevented).toBe(false);
    expect(pick).not.toHaveBeenCalled();
    // Open but not shown (e.g. a tag list with no suggestion): Enter does not pick the hidden option.
    expect(press(combo, 'Enter', { pick, shown: () => false }).prevented).toBe(false);
    expect(pick).not.toHaveBeenCalled();
  });
});
