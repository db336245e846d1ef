import type { ParamValue } from '../message.js';

export const lists = {
  'lists.agentsAdminsSeeCustomer': () => `Only agents and admins can see customer lists.`,
  'lists.agentsAdminsSaveCustomer': () => `Only agents and admins can save customer lists.`,
  'lists.adminsShareListsWith': () => `Only admins share lists with the team.`,
  'lists.listShowsAtLeast': () => `A list shows at least one column.`,
  'lists.listShowsAtMost': (p: { maxColumns: number }) => `A list shows at most ${p.maxColumns} columns.`,
  'lists.thereNoColumn': (p: { value: ParamValue }) => `There is no column "${p.value}".`,
  'lists.nameEmpty': () => `Name cannot be empty.`,
  'lists.listNeedsFilterEmpty': () => `A list needs a filter (an empty one holds every user).`,
};
