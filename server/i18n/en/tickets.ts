import type { ParamValue } from '../message.js';

export const tickets = {
  'tickets.giveEitherIdUser': () => `Give either the id of a user or an email address.`,
  'tickets.thereNoUserWith': (p: { id: ParamValue }) => `There is no user with id ${p.id}.`,
  'tickets.atMostPeople': (p: { max: ParamValue }) => `At most ${p.max} people.`,
  'tickets.agentsAdminsDo': () => `Only agents and admins can do this.`,
  'tickets.agentsAdminsWorkTickets': () => `Only agents and admins can work tickets.`,
  'tickets.statusEmpty': () => `Status cannot be empty.`,
  'tickets.nameAtLeastOne': () => `Name at least one person.`,
  'tickets.requesterAlreadyFollowsTicket': () => `The requester already follows this ticket.`,
  'tickets.heldReleaseFirst': () =>
    `This ticket is held for review, so nothing is mailed to its requester: release it first (Release on the ticket, or updateTicket with release: true), then send the public reply. An internal note can be added meanwhile.`,
};
