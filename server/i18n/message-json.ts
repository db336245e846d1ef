import { en } from './catalog.js';
import { Message, renderText, type MessageCode, type ParamValue, type Text } from './message.js';
import type { Lang } from './language.js';

/**
 * A message kept in the database (an import's row errors, written outside
 * any request) and rendered when someone reads it, in their language:
 * `{ "code": "...", "params": { "max": 10, "field": { "code": "...", "params": {} } } }`
 * (a parameter that is an object is a nested message).
 */

interface Stored {
  code: string;
  params: Record<string, string | number | Stored>;
}

const stored = (m: Message): Stored => {
  const params: Stored['params'] = {};
  for (const [k, v] of Object.entries(m.params as Record<string, ParamValue>)) params[k] = v instanceof Message ? stored(v) : v;
  return { code: m.code, params };
};

/** The longest JSON kept, in bytes (a MySQL TEXT column); a longer message keeps only its English text. */
const MAX_BYTES = 65_535;

/** The JSON of a message; null for text that is already written (nothing to translate), or too long to keep. */
export function messageToJson(text: Text): string | null {
  if (typeof text === 'string') return null;
  const json = JSON.stringify(stored(text));
  return Buffer.byteLength(json) <= MAX_BYTES ? json : null;
}

const isCode = (code: unknown): code is MessageCode => typeof code === 'string' && Object.hasOwn(en, code);

function revive(value: unknown): Message | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, params } = value as Partial<Stored>;
  if (!isCode(code) || typeof params !== 'object' || params === null) return null;
  const out: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    else {
      const nested = revive(v);
      if (!nested) return null;
      out[k] = nested;
    }
  }
  return new Message(code, out as never);
}

/** The message back from its JSON; null when there is none or it is not one the catalog knows (a code since removed). */
export function messageFromJson(json: string | null | undefined): Message | null {
  if (!json) return null;
  try {
    return revive(JSON.parse(json));
  } catch {
    return null;
  }
}

/** The stored message in `lang`, else the stored text (rows written before messages were kept). */
export const storedText = (json: string | null | undefined, text: string, lang: Lang): string => {
  const m = messageFromJson(json);
  return m ? renderText(m, lang) : text;
};
