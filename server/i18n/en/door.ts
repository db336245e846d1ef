import type { ParamValue } from '../message.js';

export const door = {
  'door.blockedRefused': (p: { address: ParamValue }) =>
    `${p.address} is on the block list: the account is made, but requests and sign-ups from it are refused.`,
  'door.blockedHeld': (p: { address: ParamValue }) =>
    `${p.address} is on the block list: the account is made, but requests and sign-ups from it are held for review.`,
  'door.blockedRefusedKnown': (p: { address: ParamValue }) => `${p.address} is on the block list: requests and sign-ups from it are refused.`,
  'door.blockedHeldKnown': (p: { address: ParamValue }) => `${p.address} is on the block list: requests and sign-ups from it are held for review.`,
  'door.linkExpired': () => `This link has expired. Ask for a new one.`,
  'door.linkUsed': () => `This link was already used. Ask for a new one, or sign in.`,
  'door.linkInvalid': () => `This link is not valid. Check that it was copied whole, or ask for a new one.`,
  'door.repliesFromHelpCenter': () => `Replies from the help center are written by the person signed in.`,
  'door.tooManyRequestsFrom': () => `Too many requests from this network. Try again later.`,
  'door.signUpClosedAsk': () => `Sign-up is closed: ask the team to add you.`,
  'door.personHasNoEmail': () => `This person has no email address.`,
};
