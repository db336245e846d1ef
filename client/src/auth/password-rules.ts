// What the server asks of a password, checked before sending it.

/** Characters (code points), as the server counts them. */
export const MIN_PASSWORD_LENGTH = 12;
