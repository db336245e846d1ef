import type { Translation } from '../catalog.js';
import type { email as en } from '../en/email.js';

export const email: Translation<typeof en> = {
  'email.noMailServerDidYouMean': (p) => `${p.domain} n’a pas de serveur de courrier : vouliez-vous dire ${p.suggestion} ?`,
  'email.noMailServer': (p) => `${p.domain} n’a pas de serveur de courrier. Vérifiez l’adresse.`,
  'email.noMailServerWarning': (p) => `${p.problem} Si quelqu’un enregistre ${p.domain} plus tard, il recevra le courrier de cette personne.`,
  'email.reservedDomainWarning': (p) =>
    `${p.domain} est un domaine réservé : le compte est gardé, mais aucun e-mail n’est jamais envoyé à ${p.address}.`,
  'email.alreadyOwn': () => `Cette adresse est déjà l’une des adresses de cette personne.`,
  'email.enterEmailAddress': () => `Saisissez une adresse e-mail.`,
  'email.addressContainsControlCharacter': () => `L’adresse contient un caractère de contrôle (comme un saut de ligne ou une tabulation).`,
  'email.addressContainsInvisibleCharacter': (p) => `L’adresse contient un caractère invisible (${p.ignorable}), ce qui n’est pas permis.`,
  'email.emailAddressContainSpaces': () => `Une adresse e-mail ne peut pas contenir d’espaces.`,
  'email.quotesCommentsBracketsIp': () =>
    `Les guillemets, commentaires, crochets et domaines en adresse IP ne sont pas acceptés dans une adresse e-mail.`,
  'email.emailAddressNeedsBetween': () => `Une adresse e-mail a besoin d’un @ entre le nom et le domaine.`,
  'email.emailAddressHasExactly': () => `Une adresse e-mail contient exactement un @.`,
  'email.partBeforeMissing': () => `La partie avant le @ manque.`,
  'email.domainAfterMissing': () => `Le domaine après le @ manque.`,
  'email.partBeforeStartEnd': () => `La partie avant le @ ne peut ni commencer ni finir par un point, ni contenir deux points de suite.`,
  'email.partBeforeContainsCharacter': () => `La partie avant le @ contient un caractère non permis.`,
  'email.partBeforeLongerThan': (p, n) => `La partie avant le @ dépasse ${n(p.maxLocalPartOctets)} caractères.`,
  'email.domainStartEndWith': () => `Le domaine ne peut ni commencer ni finir par un point, ni contenir deux points de suite.`,
  'email.domainNeedsDotAs': () => `Le domaine a besoin d’un point, comme dans example.com.`,
  'email.iPAddressesAreNot': () => `Une adresse IP n’est pas acceptée comme domaine.`,
  'email.domainContainsCharacterNot': () => `Le domaine contient un caractère non permis.`,
  'email.topLevelDomainNumber': () => `Le domaine de premier niveau ne peut pas être un nombre.`,
  'email.domainNotValidDomain': () => `Le domaine n’est pas un nom de domaine valide.`,
  'email.partDomainLongerThan': (p, n) => `Une partie du domaine dépasse ${n(p.maxLabelOctets)} caractères.`,
  'email.partDomainStartEnd': () => `Une partie du domaine ne peut ni commencer ni finir par un tiret.`,
  'email.topLevelDomainNot': () => `Le domaine de premier niveau n’est pas valide.`,
  'email.addressLongerThanCharacters': (p, n) => `L’adresse dépasse ${n(p.maxAddressOctets)} caractères.`,
};
