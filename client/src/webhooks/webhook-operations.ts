// Webhooks for partner apps (admins signed in).
import { graphql } from '../graphql/generated';
import { inOrder } from '../graphql/enum-order';
import { WebhookEvent } from '../graphql/generated/graphql';

export type { WebhookEvent };

/** The events a webhook may take (the schema's WebhookEvent enum), in the order the dialog lists them. */
export const WEBHOOK_EVENTS = inOrder(WebhookEvent, [
  'USER_CREATED',
  'USER_UPDATED',
  'USER_DELETED',
  'TICKET_CREATED',
  'TICKET_UPDATED',
  'ORGANIZATION_CREATED',
  'ORGANIZATION_UPDATED',
  'ORGANIZATION_DELETED',
]);

graphql(`
  fragment WebhookDetails on Webhook {
    id
    url
    events
    secretHint
    createdAt
    updatedAt
  }
`);

graphql(`
  fragment WebhookDeliveryDetails on WebhookDelivery {
    id
    event
    status
    attempts
    responseStatus
    lastResponse
    reason
    createdAt
    sentAt
    nextAttemptAt
  }
`);

export const WebhooksDocument = graphql(`
  query Webhooks {
    webhooks {
      ...WebhookDetails
    }
  }
`);

/** The secret is in the answer only now. */
export const CreateWebhookDocument = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      secret
      webhook {
        ...WebhookDetails
      }
    }
  }
`);

export const UpdateWebhookDocument = graphql(`
  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {
    updateWebhook(id: $id, input: $input) {
      ...WebhookDetails
    }
  }
`);

export const DeleteWebhookDocument = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

export const TestWebhookDocument = graphql(`
  mutation TestWebhook($id: ID!) {
    testWebhook(id: $id) {
      ...WebhookDeliveryDetails
    }
  }
`);

export const WebhookDeliveriesDocument = graphql(`
  query WebhookDeliveries($id: ID!, $first: Int!, $after: String) {
    webhook(id: $id) {
      id
      deliveries(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...WebhookDeliveryDetails
          }
        }
        totalCount
        pageInfo {
          ...PageInfoFields
        }
      }
    }
  }
`);
