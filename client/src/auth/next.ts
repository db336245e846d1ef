// Where to go after signing in: a path of this app, never another site.
import type { LocationQueryValue } from 'vue-router';

/** The home page; end users are sent on to their own profile. */
export const HOME = '/customers';

export function safeNext(next: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return HOME;
  }
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/sign-in/')) return HOME;
  return value;
}
