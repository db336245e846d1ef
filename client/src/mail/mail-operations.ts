// Outgoing mail: a follow-up to a user, the messages sent to a user, the outbox.
import { onBeforeUnmount, watch, type Ref } from 'vue';
import { graphql } from '../graphql/generated';
import type { OutboxStatus } from '../graphql/generated/graphql';

graphql(`
  fragment OutboxMessageItem on OutboxMessage {
    id
    kind
    to
    subject
    status
    reason
    attempts
    createdAt
    sentAt
  }
`);

export const SendUserEmailDocument = graphql(`
  mutation SendUserEmail($userId: ID!, $input: SendUserEmailInput!) {
    sendUserEmail(userId: $userId, input: $input) {
      ...OutboxMessageItem
    }
  }
`);

graphql(`
  fragment OutboxMessagePage on OutboxMessageConnection {
    edges {
      cursor
      node {
        ...OutboxMessageItem
      }
    }
    totalCount
    pageInfo {
      ...PageInfoFields
    }
  }
`);

export const UserMessagesDocument = graphql(`
  query UserMessages($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      id
      messages(first: $first, after: $after) {
        ...OutboxMessagePage
      }
    }
  }
`);

export const OutboxDocument = graphql(`
  query Outbox($status: OutboxStatus, $first: Int, $after: String) {
    outbox(status: $status, first: $first, after: $after) {
      ...OutboxMessagePage
    }
  }
`);

/** States a message leaves by itself: a list showing one looks again soon. */
export const IN_FLIGHT: ReadonlySet<OutboxStatus> = new Set<OutboxStatus>(['QUEUED', 'SENDING']);
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED'];

/** Reloads a list every `ms` while it shows a message still on its way. */
export function useInFlightRefresh(list: { nodes: Ref<{ status: OutboxStatus }[]>; reload: () => Promise<void> }, ms: () => number): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(list.nodes, (nodes) => {
    clearTimeout(timer);
    if (nodes.some((m) => IN_FLIGHT.has(m.status))) timer = setTimeout(() => void list.reload(), ms());
  });
  onBeforeUnmount(() => clearTimeout(timer));
}
