// Staff send someone a new verification link (typed by `npm run codegen`).
import { graphql } from '../graphql/generated';

export const ResendVerificationDocument = graphql(`
  mutation ResendVerification($userId: ID!) {
    resendVerification(userId: $userId)
  }
`);
