// Downloads GET /exports/users.csv for a saved list (?listId=) or for the
// filter a page shows (?filter=<UserFilterInput as JSON>, as bulk actions send
// it), reading the stream to show progress (rows read of X-Total-Count), then
// saves it as a file.
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { languageHeaders } from '../graphql/client';
import type { UserFilterInput } from '../graphql/generated/graphql';
import type { OverflowAction } from '../ui/OverflowActions.vue';

/** What to export: a saved list, or the users a filter matches. */
export type ExportSource = { listId: string } | { filter: UserFilterInput };

export function exportUrl(source: ExportSource): string {
  return 'listId' in source
    ? `/exports/users.csv?listId=${encodeURIComponent(source.listId)}`
    : `/exports/users.csv?filter=${encodeURIComponent(JSON.stringify(source.filter))}`;
}

export function useCsvExport() {
  /** 0 to 1 while an export runs, null otherwise. */
  const progress = ref<number | null>(null);
  const failed = ref(false);

  async function download(source: ExportSource, fileName: string): Promise<void> {
    progress.value = 0;
    failed.value = false;
    try {
      const res = await fetch(exportUrl(source), { credentials: 'same-origin', headers: languageHeaders() });
      if (!res.ok || !res.body) throw new Error(`export failed: ${res.status}`);
      const total = Number(res.headers.get('x-total-count') ?? '0');
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === 10) lines++;
        // The header is one line; a value with line breaks counts a little more: never past 99 % before the end.
        if (total > 0) progress.value = Math.min(0.99, Math.max(0, lines - 1) / total);
      }
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${fileName}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      progress.value = 1;
    } catch {
      failed.value = true;
    } finally {
      setTimeout(() => (progress.value = null), 1500);
    }
  }

  return { progress, failed, download };
}

export type CsvExport = ReturnType<typeof useCsvExport>;

/**
 * "Export CSV" as one of a page header's actions (PageHeader `actions`): its label (with the percentage while
 * it runs; ExportProgress shows the bar and a failure), off while it runs or with nothing to export, and `run`
 * for its `act`.
 */
export function useExportAction(csv: CsvExport, source: () => ExportSource | null, fileName: () => string) {
  const { t } = useI18n();
  const action = computed<OverflowAction>(() => ({
    key: 'export',
    label: csv.progress.value === null ? t('lists.export') : t('lists.exporting', { percent: Math.round(csv.progress.value * 100) }),
    disabled: !source() || csv.progress.value !== null,
  }));
  function run(): void {
    const from = source();
    if (from) void csv.download(from, fileName());
  }
  return { action, run };
}
