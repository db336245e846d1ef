import { readFileSync } from 'node:fs';

/** What one export of every user measured. */
export interface ExportResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Peak resident memory of the server process while it exported, in MB. */
  peakRssMb: number;
}

const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
};

/** GET /exports/users.csv, read as it streams; the server's RSS sampled every 50 ms (Linux /proc). */
export async function measureExport(url: string, authorization: string, serverPid: number): Promise<ExportResult> {
  let peak = rssMb(serverPid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 50);
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/exports/users.csv`, { headers: { authorization } });
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
    const reader = res.body.getReader();
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const byte of value) if (byte === 10) lines++;
    }
    const seconds = (performance.now() - t0) / 1000;
    // The header line; values with line breaks (the bench's "bio" field has one) count twice.
    return { rows: lines - 1, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round((lines - 1) / seconds), peakRssMb: peak };
  } finally {
    clearInterval(timer);
  }
}
