export const password = {
  'password.passwordAtMostCharacters': (p: { maxPassword: number }) => `A password can be at most ${p.maxPassword} characters.`,
  'password.passwordContainControlCharacters': () => `A password cannot contain control characters (such as a line break, a tab or NUL).`,
  'password.passwordNeedsAtLeast': (p: { minPassword: number }) =>
    `A password needs at least ${p.minPassword} characters, not counting spaces and invisible characters.`,
  'password.passwordTooCommonOn': () => `This password is too common: it is on the lists that attackers try first. Choose another one.`,
};
