import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphQLError, mountApp } from './helpers';
import { serveDefinitions, reorders, pageHelpers } from './user-fields-setup';

// The user fields page: reordering the fields.

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const { titles, row, handle, announced } = pageHelpers(() => wrapper);

describe('user fields page', () => {
  describe('reorder', () => {
    it('by keyboard: Space picks up, arrows move, Space drops and saves, with announcements', async () => {
      const calls = serveDefinitions();
      ({ wrapper } = await mountApp('/settings/user-fields'));
      const grip = handle('Plan');
      expect(grip.attributes('role')).toBe('button');
      expect(grip.attributes('tabindex')).toBe('0');
      expect(wrapper.get(`#${grip.attributes('aria-describedby')}`).text()).toContain('Space or Enter to pick the field up');
      (grip.element as HTMLElement).focus();

      await grip.trigger('keydown', { key: ' ' });
      expect(grip.attributes('aria-pressed')).toBe('true');
      expect(announced()).toContain('Picked up Plan, position 1 of 3.');
      await handle('Plan').trigger('keydown', { key: 'ArrowDown' });
      expect(titles()).toEqual(['Contract number', 'Plan', 'Newsletter']);
      expect(announced()).toBe('Plan moved to position 2 of 3.');
      await handle('Plan').trigger('keydown', { key: 'ArrowDown' });
      await handle('Plan').trigger('keydown', { key: 'ArrowDown' }); // already last
      expect(titles()).toEqual(['Contract number', 'Newsletter', 'Plan']);
      expect(reorders(calls)).toEqual([]);
      expect(document.activeElement).toBe(handle('Plan').element);

      await handle('Plan').trigger('keydown', { key: 'Enter' });
      await flushPromises();
      expect(reorders(calls)).toEqual([['2', '3', '1']]);
      expect(announced()).toBe('Plan dropped at position 3 of 3. Order saved.');
      expect(handle('Plan').attributes('aria-pressed')).toBe('false');
      expect(titles()).toEqual(['Contract number', 'Newsletter', 'Plan']);
    });

    it('by keyboard: Escape puts the field back and saves nothing', async () => {
      const calls = serveDefinitions();
      ({ wrapper } = await mountApp('/settings/user-fields'));
      (handle('Newsletter').element as HTMLElement).focus();
      await handle('Newsletter').trigger('keydown', { key: 'Enter' });
      await handle('Newsletter').trigger('keydown', { key: 'ArrowUp' });
      await handle('Newsletter').trigger('keydown', { key: 'ArrowUp' });
      expect(titles()).toEqual(['Newsletter', 'Plan', 'Contract number']);
      await handle('Newsletter').trigger('keydown', { key: 'Escape' });
      await flushPromises();
      expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter']);
      expect(announced()).toBe('Reorder cancelled. Newsletter is back at position 3 of 3.');
      expect(reorders(calls)).toEqual([]);
      // Arrows do nothing while nothing is picked up.
      await handle('Newsletter').trigger('keydown', { key: 'ArrowUp' });
      expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter']);
    });

    it('by drag and drop on the handle', async () => {
      const calls = serveDefinitions();
      ({ wrapper } = await mountApp('/settings/user-fields'));
      const dataTransfer = { effectAllowed: '', dropEffect: '', setData: vi.fn(), setDragImage: vi.fn() };
      expect(handle('Newsletter').attributes('draggable')).toBe('true');
      await handle('Newsletter').trigger('dragstart', { dataTransfer });
      expect(dataTransfer.setData).toHaveBeenCalledWith('text/plain', 'Newsletter');
      expect(dataTransfer.effectAllowed).toBe('move');
      // Passing over rows shows where it would land.
      await row('Contract number').trigger('dragover', { dataTransfer });
      expect(titles()).toEqual(['Plan', 'Newsletter', 'Contract number']);
      await row('Plan').trigger('dragover', { dataTransfer });
      expect(titles()).toEqual(['Newsletter', 'Plan', 'Contract number']);
      await row('Plan').trigger('drop', { dataTransfer });
      await handle('Newsletter').trigger('dragend', { dataTransfer });
      await flushPromises();
      expect(reorders(calls)).toEqual([['3', '1', '2']]);
      expect(announced()).toBe('Newsletter dropped at position 1 of 3. Order saved.');
      expect(titles()).toEqual(['Newsletter', 'Plan', 'Contract number']);
    });

    it('a drag that ends outside the list changes nothing', async () => {
      const calls = serveDefinitions();
      ({ wrapper } = await mountApp('/settings/user-fields'));
      await handle('Plan').trigger('dragstart');
      await row('Newsletter').trigger('dragover');
      expect(titles()).toEqual(['Contract number', 'Newsletter', 'Plan']);
      await handle('Plan').trigger('dragend');
      await flushPromises();
      expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter']);
      expect(reorders(calls)).toEqual([]);
    });

    it('with Move up and Move down buttons', async () => {
      const calls = serveDefinitions();
      ({ wrapper } = await mountApp('/settings/user-fields'));
      expect(wrapper.get('[aria-label="Move Plan up"]').attributes('disabled')).toBeDefined();
      await wrapper.get('[aria-label="Move Plan down"]').trigger('click');
      await flushPromises();
      expect(titles()).toEqual(['Contract number', 'Plan', 'Newsletter']);
      await wrapper.get('[aria-label="Move Newsletter up"]').trigger('click');
      await flushPromises();
      expect(reorders(calls)).toEqual([
        ['2', '1', '3'],
        ['2', '3', '1'],
      ]);
      expect(titles()).toEqual(['Contract number', 'Newsletter', 'Plan']);
    });

    it('puts the previous order back when saving fails', async () => {
      serveDefinitions(undefined, {
        ReorderUserFields: graphQLError('ids must list every field once', { code: 'BAD_USER_INPUT', field: 'ids' }),
      });
      ({ wrapper } = await mountApp('/settings/user-fields'));
      await wrapper.get('[aria-label="Move Plan down"]').trigger('click');
      await flushPromises();
      expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter']);
      expect(announced()).toBe('The new order could not be saved; the previous order is back.');
      expect(wrapper.text()).toContain('ids must list every field once');
    });
  });
});
