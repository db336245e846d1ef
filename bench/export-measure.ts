import { readFileSync } from 'node:fs';

/** What one export of every user measured. */
export interface ExportResult {
  /** CSV records (users), not lines: a value holding a line break (the bench's "bio" field) is still one row. */
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Peak resident memory of the server process while it exported, in MB. */
  peakRssMb: number;
  /** Its resident memory just before the export, in MB. */
  rssBeforeMb: number;
  /** CPU seconds the server process spent on the export (user + system; steadier than rows/s on a shared machine). */
  serverCpuSeconds: number;
}

export const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
};

const cpuMs = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ is 100 on Linux
};

/** GET /exports/users.csv, read as it streams; the server's RSS sampled every 50 ms (Linux /proc). */
export async function measureExport(url: string, authorization: string, serverPid: number): Promise<ExportResult> {
  const rssBeforeMb = rssMb(serverPid);
  let peak = rssBeforeMb;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 50);
  const cpu0 = cpuMs(serverPid);
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/exports/users.csv`, { headers: { authorization } });
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
    const reader = res.body.getReader();
    // Records end at a line feed outside quotes (RFC 4180: a quoted value may hold line breaks; "" toggles twice).
    let records = 0;
    let quoted = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const byte of value) {
        if (byte === 34) quoted = !quoted;
        else if (byte === 10 && !quoted) records++;
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const serverCpuSeconds = (cpuMs(serverPid) - cpu0) / 1000;
    const rows = records - 1; // the header
    return {
      rows,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(rows / seconds),
      peakRssMb: peak,
      rssBeforeMb,
      serverCpuSeconds: Math.round(serverCpuSeconds * 100) / 100,
    };
  } finally {
    clearInterval(timer);
  }
}
