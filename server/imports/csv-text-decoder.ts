import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { LONE_SURROGATE } from '../text/text-rules.js';

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
 * - UTF-16, whatever was declared, when the file says so: a UTF-16
 *   byte-order mark (FF FE little-endian, as Excel's "Unicode text" saves;
 *   FE FF big-endian), or, without one, a first character that is ASCII in
 *   two bytes, one of them 0x00 (a header row is column names, all ASCII; no
 *   UTF-8 or Windows-1252 text holds a 0x00). A surrogate without its pair,
 *   or a last byte without its pair, is NOT_UTF16.
 * - A NUL byte (0x00; in UTF-16 the character U+0000) is a problem in any
 *   encoding: no text file holds one, and it is the sure sign of a binary file
 *   (a spreadsheet's .xlsx, an image) sent by mistake. A chunk with a NUL and
 *   bytes that are not UTF-8 is BINARY at its first bad byte.
 */

export type CsvEncoding = 'utf-8' | 'windows-1252';
/** How the bytes are read: as declared, or as the file's start says. */
type Reading = CsvEncoding | 'utf-16le' | 'utf-16be';

export interface DecodeProblem {
  kind: 'NOT_UTF8' | 'NOT_UTF16' | 'BINARY';
  /** The offending byte (for NOT_UTF16, the UTF-16 code unit, or the odd last byte). */
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

/** A surrogate without its pair (the text is read a code unit at a time: no `u` flag). */

/** UTF-16 from a file's first two bytes: its byte-order mark (`mark`: 2), or an ASCII character in two bytes (`mark`: 0). */
function utf16Of(first: number, second: number): { encoding: 'utf-16le' | 'utf-16be'; mark: number } | null {
  if (first === 0xff && second === 0xfe) return { encoding: 'utf-16le', mark: 2 };
  if (first === 0xfe && second === 0xff) return { encoding: 'utf-16be', mark: 2 };
  if (first > 0 && first < 0x80 && second === 0) return { encoding: 'utf-16le', mark: 0 };
  if (first === 0 && second > 0 && second < 0x80) return { encoding: 'utf-16be', mark: 0 };
  return null;
}

export class CsvTextDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;
  private stopped = false;
  private encoding: Reading;

  constructor(declared: CsvEncoding = 'utf-8') {
    this.encoding = declared;
  }

  decode(chunk: Uint8Array | string): Decoded {
    if (this.stopped) return { text: '', problem: null };
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.pending.length > 0) bytes = Buffer.concat([this.pending, bytes]);
    this.pending = Buffer.alloc(0);
    if (!this.started) {
      // Wait for three bytes to tell a byte-order mark from text (two for UTF-16's).
      if (bytes.length < 2 || (bytes.length < BOM.length && BOM.subarray(0, bytes.length).equals(bytes))) {
        this.pending = bytes;
        return { text: '', problem: null };
      }
      this.started = true;
      if (bytes.subarray(0, BOM.length).equals(BOM)) {
        this.encoding = 'utf-8';
        bytes = bytes.subarray(BOM.length);
      } else {
        const utf16 = utf16Of(bytes[0], bytes[1]);
        if (utf16) {
          this.encoding = utf16.encoding;
          bytes = bytes.subarray(utf16.mark);
        }
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
    const cut = this.pending;
    if (this.encoding === 'utf-8') return this.finish({ text: decoded.text, problem: { kind: 'NOT_UTF8', byte: cut[0] } });
    // UTF-16: a high surrogate without its pair, or an odd last byte.
    const unit = cut.length < 2 ? cut[0] : this.encoding === 'utf-16le' ? cut.readUInt16LE(0) : cut.readUInt16BE(0);
    return this.finish({ text: decoded.text, problem: { kind: 'NOT_UTF16', byte: unit } });
  }

  private body(bytes: Buffer): Decoded {
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') {
      const result = this.utf16(bytes);
      const nul = result.text.indexOf('\u0000');
      if (nul >= 0 && !result.problem) return this.finish({ text: result.text.slice(0, nul), problem: { kind: 'BINARY', byte: 0 } });
      return this.finish(result);
    }
    const nul = bytes.indexOf(0);
    const scanned = nul >= 0 ? bytes.subarray(0, nul) : bytes;
    const result = this.encoding === 'windows-1252' ? { text: iconv.decode(scanned, 'windows-1252'), problem: null } : this.utf8(scanned);
    // Bytes that are not UTF-8 in a chunk that also holds a NUL: a binary file.
    if (result.problem && nul >= 0) return this.finish({ text: result.text, problem: { kind: 'BINARY', byte: result.problem.byte } });
    if (result.problem || nul < 0) return this.finish(result);
    return this.finish({ text: result.text, problem: { kind: 'BINARY', byte: 0 } });
  }

  /** UTF-16 code units to text; an odd last byte, or a high surrogate at the end, waits for the next chunk. */
  private utf16(bytes: Buffer): Decoded {
    let whole = bytes.length - (bytes.length % 2);
    const units = Buffer.from(bytes.subarray(0, whole));
    if (this.encoding === 'utf-16be') units.swap16();
    let text = units.toString('utf16le');
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      text = text.slice(0, -1);
      whole -= 2;
    }
    const lone = LONE_SURROGATE.exec(text);
    if (lone) return { text: text.slice(0, lone.index), problem: { kind: 'NOT_UTF16', byte: text.charCodeAt(lone.index) } };
    this.pending = Buffer.from(bytes.subarray(whole));
    return { text, problem: null };
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
