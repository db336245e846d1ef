import { describe, expect, it } from 'vitest';
import { useConfirm } from '../../client/src/ui/use-confirm';

interface Item {
  id: string;
  name: string;
}

function textsOf(item: Item) {
  return { title: `Delete ${item.name}?`, intro: 'It goes.', submit: 'Delete', saving: 'Deleting…' };
}

describe('useConfirm', () => {
  it('opens on ask, with the texts for what it asks about, and closes', () => {
    const confirm = useConfirm(textsOf, async () => undefined);
    expect(confirm.open.value).toBe(false);
    expect(confirm.target.value).toBeNull();

    confirm.ask({ id: '1', name: 'Ada' });
    expect(confirm.open.value).toBe(true);
    expect(confirm.target.value).toEqual({ id: '1', name: 'Ada' });
    expect(confirm.texts.value.title).toBe('Delete Ada?');

    confirm.ask({ id: '2', name: 'Grace' });
    expect(confirm.texts.value.title).toBe('Delete Grace?');

    confirm.close();
    expect(confirm.open.value).toBe(false);
    expect(confirm.target.value).toBeNull();
    // The closed dialog keeps the last texts rather than a title with an empty name.
    expect(confirm.texts.value.title).toBe('Delete Grace?');
  });

  it('runs the action on the target asked about, and lets a refusal through for the dialog to show', async () => {
    const ran: string[] = [];
    const confirm = useConfirm(textsOf, async (item: Item) => {
      ran.push(item.id);
      if (item.id === 'refused') throw new Error('No.');
      return 'done';
    });

    await expect(confirm.action()).resolves.toBeUndefined(); // nothing asked: nothing runs
    confirm.ask({ id: '7', name: 'Ada' });
    await expect(confirm.action()).resolves.toBe('done');
    confirm.ask({ id: 'refused', name: 'Bob' });
    await expect(confirm.action()).rejects.toThrow('No.');
    expect(ran).toEqual(['7', 'refused']);
    expect(confirm.open.value).toBe(true); // closing is the page's, on done or close
  });
});
