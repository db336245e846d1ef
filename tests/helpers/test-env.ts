/** scrypt at N = 2^10 instead of 2^15 in test apps and test server processes: hashing is most of a sign-in's time, and the suite signs in thousands of times. */
export const TEST_PASSWORD_HASH_COST = 10;
