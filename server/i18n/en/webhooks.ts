import type { ParamValue } from '../message.js';

export const webhooks = {
  'webhooks.uRLRequired': () => `The URL is required.`,
  'webhooks.uRLHaveAtMost': (p: { urlMax: number }) => `The URL can have at most ${p.urlMax} characters.`,
  'webhooks.uRLContainSpacesControl': () => `The URL cannot contain spaces or control characters.`,
  'webhooks.notUrlWriteAs': (p: { v: ParamValue }) => `${p.v} is not a URL: write it as https://partner.example.com/hooks/accueil.`,
  'webhooks.webhookUrlMustStart': () => `A webhook URL must start with https:// (or http://).`,
  'webhooks.webhookUrlHoldUser': () => `A webhook URL cannot hold a user name or password: use the signing secret to authenticate.`,
  'webhooks.webhookUrlHaveFragment': () => `A webhook URL cannot have a #fragment.`,
  'webhooks.uRLNamesNoHost': () => `The URL names no host.`,
  'webhooks.accueilSendWebhooksWebhooks': (p: { hostname: ParamValue; why: ParamValue }) =>
    `Accueil cannot send webhooks to ${p.hostname}: ${p.why}. Webhooks go to public addresses only (WEBHOOK_ALLOW_PRIVATE=true lifts this).`,
  'webhooks.adminSignedInAccueil': () => `Only an admin signed in to Accueil can manage webhooks.`,
  'webhooks.chooseAtLeastOne': () => `Choose at least one event.`,
  'webhooks.secretMust16255': () =>
    `The secret must be 16 to 255 visible ASCII characters (letters, digits, punctuation; no spaces). Leave it out to get a new one.`,
};
