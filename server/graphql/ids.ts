/** GraphQL ids are strings of digits; anything else names nothing (null). */
export function parseId(id: string): number | null {
  return /^\d{1,15}$/.test(id) ? Number(id) : null;
}
