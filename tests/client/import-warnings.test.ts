import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportJobQuery, ImportJobSummaryFragment } from '../../client/src/graphql/generated/graphql';
import { callsOf, mountApp, stubGraphQL } from './helpers';

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const summary: ImportJobSummaryFragment = {
  id: '7',
  status: 'DONE',
  mode: 'CREATE',
  fileName: 'customers.csv',
  rowsTotal: 5000,
  rowsRead: 5000,
  created: 4990,
  updated: 0,
  unchanged: 0,
  failed: 10,
  warningCount: 1234,
  rowsPerSecond: 900,
  secondsLeft: null,
  fileError: null,
  failedRowsUrl: '/imports/users/7/failed-rows.csv',
  warningsUrl: '/imports/users/7/warnings.csv',
  createdAt: '2025-03-01T10:00:00.000Z',
  finishedAt: '2025-03-01T10:00:06.000Z',
};
type Job = NonNullable<ImportJobQuery['importJob']>;
const job = (over: Partial<Job> = {}): Job => ({
  ...summary,
  errors: [{ cursor: 'e1', line: 9, column: 'email', code: 'BAD_USER_INPUT', message: 'This is not an email address.' }],
  warnings: [
    {
      cursor: 'w1',
      line: 2,
      column: 'email',
      code: 'UNDELIVERABLE_RESERVED',
      message: 'ann@example.invalid is on a reserved domain: it is kept, but never mailed.',
    },
    { cursor: 'w2', line: 3, column: 'phone', code: 'SHARED_PHONE', message: '+33 1 42 68 53 11 is also Desk Holder’s number.' },
    { cursor: 'w3', line: 4, column: 'email', code: 'BLOCKED_ADDRESS', message: 'bob@held.io is on the block list.' },
  ],
  ...over,
});

function stub(answer: Job) {
  return stubGraphQL({
    ImportJobs: () => ({
      data: { importJobs: { totalCount: 1, edges: [{ cursor: 'c7', node: summary }], pageInfo: { hasNextPage: false, endCursor: 'c7' } } },
    }),
    ImportJob: () => ({ data: { importJob: answer } }),
  });
}

/** Opens the import from the list of past imports. */
async function open(): Promise<void> {
  await wrapper.get('tbody button').trigger('click');
  await flushPromises();
}

describe('an import’s warnings on the Imports page', () => {
  it('shows the count, the rows with their column and message like the errors, and the download', async () => {
    const calls = stub(job());
    ({ wrapper } = await mountApp('/settings/imports'));
    await open();
    expect(callsOf(calls, 'ImportJob')).toHaveLength(1);
    const panel = wrapper.get('[data-testid="import-job"]');
    expect(panel.get('[data-testid="import-warning-count"]').text()).toBe('1,234');
    const counts = panel.get('[data-testid="import-counts"]').text();
    expect(counts).toContain('Warnings');
    const warnings = panel.get('[data-testid="import-warnings"]');
    expect(warnings.get('caption').text()).toBe('Warnings on imported rows');
    const rows = warnings.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(rows).toEqual([
      ['2', 'email', 'ann@example.invalid is on a reserved domain: it is kept, but never mailed.'],
      ['3', 'phone', '+33 1 42 68 53 11 is also Desk Holder’s number.'],
      ['4', 'email', 'bob@held.io is on the block list.'],
    ]);
    expect(warnings.text()).toContain('These rows were imported');
    // 1,234 found, 3 listed: the page says so and points to the download.
    expect(warnings.text()).toContain('The first 3 of 1,234 are listed here; download the warnings for more.');
    const download = panel.get('[data-testid="import-warnings-download"]');
    expect(download.attributes('href')).toBe('/imports/users/7/warnings.csv');
    expect(download.text()).toBe('Download the warnings');
    // The errors keep their own table.
    expect(panel.findAll('table')).toHaveLength(2);
  });

  it('a preview says the rows will be imported; no warnings, no list and no download', async () => {
    stub(job({ status: 'PREVIEWED', warningCount: 3 }));
    ({ wrapper } = await mountApp('/settings/imports'));
    await open();
    const warnings = wrapper.get('[data-testid="import-warnings"]');
    expect(warnings.text()).toContain('These rows will be imported');
    expect(warnings.text()).not.toContain('The first');
    wrapper.unmount();

    stub(job({ warningCount: 0, warningsUrl: null, warnings: [] }));
    ({ wrapper } = await mountApp('/settings/imports'));
    await open();
    expect(wrapper.get('[data-testid="import-warning-count"]').text()).toBe('0');
    expect(wrapper.find('[data-testid="import-warnings"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="import-warnings-download"]').exists()).toBe(false);
  });

  it('in French', async () => {
    stub(job());
    ({ wrapper } = await mountApp('/settings/imports', 'fr'));
    await open();
    const panel = wrapper.get('[data-testid="import-job"]');
    expect(panel.get('[data-testid="import-counts"]').text()).toContain('Avertissements');
    expect(panel.get('[data-testid="import-warnings"] caption').text()).toBe('Avertissements sur les lignes importées');
    expect(panel.get('[data-testid="import-warnings"]').text()).toContain('Ces lignes ont été importées');
    expect(panel.get('[data-testid="import-warnings-download"]').text()).toBe('Télécharger les avertissements');
  });
});
