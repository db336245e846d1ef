/** The id of a form's control: `${prefix}-${name in kebab case}` (profile-external-id). */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
