import type { ParamValue } from '../message.js';

export const notFound = {
  'notFound.user': (p: { id: ParamValue }) => `User ${p.id} was not found.`,
  'notFound.ticket': (p: { ticketId: ParamValue }) => `Ticket ${p.ticketId} was not found.`,
  'notFound.sideConversation': (p: { id: ParamValue }) => `Side conversation ${p.id} was not found.`,
  'notFound.customerList': (p: { listId: ParamValue }) => `Customer list ${p.listId} was not found.`,
  'notFound.userField': (p: { id: ParamValue }) => `User field ${p.id} was not found.`,
  'notFound.import': (p: { id: ParamValue }) => `Import ${p.id} was not found.`,
  'notFound.organization': (p: { id: ParamValue }) => `Organization ${p.id} was not found.`,
  'notFound.aPIToken': (p: { id: ParamValue }) => `API token ${p.id} was not found.`,
  'notFound.identity': (p: { id: ParamValue }) => `Identity ${p.id} was not found.`,
  'notFound.deletedUser': (p: { id: ParamValue }) => `Deleted user ${p.id} was not found.`,
  'notFound.user2': (p: { id: ParamValue; field: ParamValue }) => `User ${p.id} (${p.field}) was not found.`,
  'notFound.webhook': (p: { webhookId: ParamValue }) => `Webhook ${p.webhookId} was not found.`,
};
