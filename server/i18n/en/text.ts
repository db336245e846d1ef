import type { ParamValue } from '../message.js';

export const text = {
  'text.labelled': (p: { label: ParamValue; reason: ParamValue }) => `${p.label} ${p.reason}`,
  'text.containsInvalidCharacterHalf': () => `contains an invalid character (half of a UTF-16 surrogate pair).`,
  'text.searchContainsInvalidCharacterHalf': () => `A search cannot contain an invalid character (half of a UTF-16 surrogate pair).`,
  'text.containsControlCharacter': () => `contains a control character.`,
  'text.containLineBreaksTabs': () => `cannot contain line breaks, tabs or control characters.`,
  'text.containBidirectionalControlCharacter': (p: { bidi: ParamValue }) =>
    `cannot contain a bidirectional control character (${p.bidi}): it makes text display in another order than it is written.`,
  'text.containInvisibleCharacter': (p: { stray: ParamValue }) => `cannot contain the invisible character ${p.stray}.`,
  'text.needsAtLeastOne': () => `needs at least one visible character.`,
};
