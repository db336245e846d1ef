import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Bytes of an uploaded CSV file -> text, chunk by chunk, for csv-reader.ts.
 * Pure apart from holding up to three bytes between chunks.
 *
 * - UTF-8 by default; a UTF-8 byte-order mark at the start is dropped. Bytes
 *   that are not UTF-8 stop the decoding at the first bad one: `decode`
 *   returns the valid text before it and a `problem` naming the byte.
 * - `windows-1252` when the caller declares it (Excel's "CSV" on Western
 *   Windows): every byte is a character, decoded with iconv-lite (Node's own
 *   TextDecoder maps this label to Latin-1, which gets 0x80–0x9F wrong: € is
 *   0x80). A file that starts with a UTF-8 byte-order mark is read as UTF-8
 *   whatever was declared: the mark says what it is.
 * - A NUL byte (0x00) is a problem in either encoding: no text file holds
 *   one, and it is the sure sign of a binary file (a spreadsheet's .xlsx, an
 *   image) sent by mistake. A chunk with a NUL and bytes that are not UTF-8
 *   is BINARY at its first bad byte.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252';

export interface DecodeProblem {
  kind: 'NOT_UTF8' | 'BINARY';
  /** The offending byte. */
  byte: number;
}

export interface Decoded {
  text: string;
  /** Set when the text stopped short of the chunk: nothing more will be decoded. */
  problem: DecodeProblem | null;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Is `b` a valid byte at position `k` (1-based) of the sequence led by `lead`? (RFC 3629: no overlongs, surrogates or code points past U+10FFFF.) */
function validContinuation(lead: number, k: number, b: number): boolean {
  if (k === 1) {
    if (lead === 0xe0) return b >= 0xa0 && b <= 0xbf;
    if (lead === 0xed) return b >= 0x80 && b <= 0x9f;
    if (lead === 0xf0) return b >= 0x90 && b <= 0xbf;
    if (lead === 0xf4) return b >= 0x80 && b <= 0x8f;
  }
  return b >= 0x80 && b <= 0xbf;
}

/**
 * Where the bytes stop being UTF-8: `{ bad }`, the offset of the first byte
 * that cannot be there (the lead byte of a broken sequence: in "é," written
 * in Latin-1, the 0xE9, not the comma after it), or `{ complete }`, how many leading bytes form whole
 * characters (the rest is the start of a character cut by the chunk's end).
 */
export function utf8Extent(bytes: Uint8Array): { bad: number } | { complete: number } {
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes[i]);
    if (n === 0) return { bad: i };
    for (let k = 1; k < n; k++) {
      if (i + k >= bytes.length) return { complete: i };
      if (!validContinuation(bytes[i], k, bytes[i + k])) return { bad: i };
    }
    i += n;
  }
  return { complete: i };
}

/** Where the last whole character ends: the chunk less a character cut at its end (at most 3 bytes). */
function wholeCharactersEnd(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) return sequenceLength(b) > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

export class CsvTextDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;
  private stopped = false;
  private encoding: CsvEncoding;

  constructor(declared: CsvEncoding = 'utf-8') {
    this.encoding = declared;
  }

  decode(chunk: Uint8Array | string): Decoded {
    if (this.stopped) return { text: '', problem: null };
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.pending.length > 0) bytes = Buffer.concat([this.pending, bytes]);
    this.pending = Buffer.alloc(0);
    if (!this.started) {
      // Wait for three bytes to tell a byte-order mark from text.
      if (bytes.length < BOM.length && BOM.subarray(0, bytes.length).equals(bytes)) {
        this.pending = bytes;
        return { text: '', problem: null };
      }
      this.started = true;
      if (bytes.subarray(0, BOM.length).equals(BOM)) {
        this.encoding = 'utf-8';
        bytes = bytes.subarray(BOM.length);
      }
    }
    return this.body(bytes);
  }

  /** At the end of the input: a character cut by the end of the file is a problem. */
  end(): Decoded {
    if (this.stopped || this.pending.length === 0) return { text: '', problem: null };
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    this.started = true;
    const decoded = this.body(rest);
    if (decoded.problem || this.pending.length === 0) return decoded;
    return this.finish({ text: decoded.text, problem: { kind: 'NOT_UTF8', byte: this.pending[0] } });
  }

  private body(bytes: Buffer): Decoded {
    const nul = bytes.indexOf(0);
    const scanned = nul >= 0 ? bytes.subarray(0, nul) : bytes;
    const result = this.encoding === 'windows-1252' ? { text: iconv.decode(scanned, 'windows-1252'), problem: null } : this.utf8(scanned);
    // Bytes that are not UTF-8 in a chunk that also holds a NUL: a binary file.
    if (result.problem && nul >= 0) return this.finish({ text: result.text, problem: { kind: 'BINARY', byte: result.problem.byte } });
    if (result.problem || nul < 0) return this.finish(result);
    return this.finish({ text: result.text, problem: { kind: 'BINARY', byte: 0 } });
  }

  private utf8(bytes: Buffer): Decoded {
    const end = wholeCharactersEnd(bytes);
    if (isUtf8(bytes.subarray(0, end))) {
      this.pending = Buffer.from(bytes.subarray(end));
      return { text: bytes.toString('utf8', 0, end), problem: null };
    }
    const extent = utf8Extent(bytes);
    if ('bad' in extent) return { text: bytes.toString('utf8', 0, extent.bad), problem: { kind: 'NOT_UTF8', byte: bytes[extent.bad] } };
    this.pending = Buffer.from(bytes.subarray(extent.complete));
    return { text: bytes.toString('utf8', 0, extent.complete), problem: null };
  }

  private finish(result: Decoded): Decoded {
    if (result.problem) {
      this.stopped = true;
      this.pending = Buffer.alloc(0);
    }
    return result;
  }
}
