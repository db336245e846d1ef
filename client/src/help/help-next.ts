// Where the help center goes after sign-in: a help-center page asked for (?next=), else My requests.
export function helpNext(next: unknown): string {
  return typeof next === 'string' && /^\/help(\/|$)/.test(next) && !next.startsWith('//') ? next : '/help/requests';
}
