import type { ParamValue } from '../message.js';

export const email = {
  'email.noMailServerDidYouMean': (p: { domain: ParamValue; suggestion: ParamValue }) =>
    `${p.domain} has no mail server: did you mean ${p.suggestion}?`,
  'email.noMailServer': (p: { domain: ParamValue }) => `${p.domain} has no mail server. Check the address.`,
  'email.noMailServerWarning': (p: { problem: ParamValue; domain: ParamValue }) =>
    `${p.problem} If someone registers ${p.domain} later, they would receive this person's mail.`,
  'email.reservedDomainWarning': (p: { domain: ParamValue; address: ParamValue }) =>
    `${p.domain} is a reserved domain: the account is kept, but email is never sent to ${p.address}.`,
  'email.alreadyOwn': () => `This address is already one of this person's addresses.`,
  'email.enterEmailAddress': () => `Enter an email address.`,
  'email.addressContainsControlCharacter': () => `The address contains a control character (such as a line break or a tab).`,
  'email.addressContainsInvisibleCharacter': (p: { ignorable: ParamValue }) =>
    `The address contains an invisible character (${p.ignorable}), which is not allowed.`,
  'email.emailAddressContainSpaces': () => `An email address cannot contain spaces.`,
  'email.quotesCommentsBracketsIp': () => `Quotes, comments, brackets and IP-address domains are not accepted in an email address.`,
  'email.emailAddressNeedsBetween': () => `An email address needs an @ between the name and the domain.`,
  'email.emailAddressHasExactly': () => `An email address has exactly one @.`,
  'email.partBeforeMissing': () => `The part before the @ is missing.`,
  'email.domainAfterMissing': () => `The domain after the @ is missing.`,
  'email.partBeforeStartEnd': () => `The part before the @ cannot start or end with a dot or contain two dots in a row.`,
  'email.partBeforeContainsCharacter': () => `The part before the @ contains a character that is not allowed.`,
  'email.partBeforeLongerThan': (p: { maxLocalPartOctets: number }) => `The part before the @ is longer than ${p.maxLocalPartOctets} characters.`,
  'email.domainStartEndWith': () => `The domain cannot start or end with a dot or contain two dots in a row.`,
  'email.domainNeedsDotAs': () => `The domain needs a dot, as in example.com.`,
  'email.iPAddressesAreNot': () => `IP addresses are not accepted as a domain.`,
  'email.domainContainsCharacterNot': () => `The domain contains a character that is not allowed.`,
  'email.topLevelDomainNumber': () => `The top-level domain cannot be a number.`,
  'email.domainNotValidDomain': () => `The domain is not a valid domain name.`,
  'email.partDomainLongerThan': (p: { maxLabelOctets: number }) => `A part of the domain is longer than ${p.maxLabelOctets} characters.`,
  'email.partDomainStartEnd': () => `A part of the domain cannot start or end with a hyphen.`,
  'email.topLevelDomainNot': () => `The top-level domain is not valid.`,
  'email.addressLongerThanCharacters': (p: { maxAddressOctets: number }) => `The address is longer than ${p.maxAddressOctets} characters.`,
};
