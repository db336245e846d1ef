import type { ParamValue } from '../message.js';

export const organizations = {
  'organizations.agentsAdminsSeeOrganizations': () => `Only agents and admins can see organizations.`,
  'organizations.adminsAddChangeDelete': () => `Only admins can add, change or delete organizations.`,
  'organizations.notDomainName': (p: { raw: ParamValue; reason: ParamValue }) =>
    `${p.raw} is not a domain name: ${String(p.reason).replace(/^The domain /, 'it ')}`,
  'organizations.organizationHaveAtMost': (p: { domains: number }) => `An organization can have at most ${p.domains} domains.`,
  'organizations.nameRequired': () => `Name is required.`,
  'organizations.organizationNamedAlreadyExists': (p: { value: ParamValue }) => `An organization named ${p.value} already exists.`,
  'organizations.externalIdAlreadyUsed': () => `This external ID is already used by another organization.`,
  'organizations.alreadyBelongs': (p: { domain: ParamValue; name: ParamValue }) => `${p.domain} already belongs to ${p.name}.`,
  'organizations.searchContainControlCharacters': () => `A search cannot contain control characters.`,
  'organizations.searchAtMost255': () => `A search can be at most 255 characters.`,
};
