import type { Translation } from '../catalog.js';
import type { fieldValues as en } from '../en/fieldValues.js';

export const fieldValues: Translation<typeof en> = {
  'fieldValues.notExpectedForm': (p) => `la valeur n’a pas la forme attendue : ${p.hint}`,
  'fieldValues.mustMatchPattern': (p) => `la valeur doit correspondre au motif ${p.pattern}.`,
  'fieldValues.notValidValue': (p) => `${p.value} n’est pas une valeur valide.`,
  'fieldValues.useTrueFalse1': () => `Utilisez true ou false (ou 1/0, yes/no).`,
  'fieldValues.notDateInForm': (p) => `« ${p.v} » n’est pas une date de la forme AAAA-MM-JJ.`,
  'fieldValues.notCalendarDate': (p) => `${p.v} n’est pas une date du calendrier.`,
  'fieldValues.notWholeNumberDigits': (p) =>
    `« ${p.v} » n’est pas un nombre entier (des chiffres avec un signe facultatif ; sans espaces, séparateurs ni décimales).`,
  'fieldValues.wholeNumberHaveAt': (p, n) => `Un nombre entier peut avoir au plus ${n(p.integerDigits)} chiffres.`,
  'fieldValues.notDecimalNumberDigits': (p) =>
    `« ${p.v} » n’est pas un nombre décimal (des chiffres avec un signe facultatif et un point, par ex. 12.5 ; sans espaces, virgules ni exposants).`,
  'fieldValues.decimalNumberHaveAt': (p, n) => `Un nombre décimal peut avoir au plus ${n(p.decimalDigits)} chiffres avant le point.`,
  'fieldValues.decimalNumberHaveAt2': (p, n) => `Un nombre décimal peut avoir au plus ${n(p.decimalFraction)} chiffres après le point.`,
  'fieldValues.notOneOptions': (p) => `${p.v} ne fait pas partie des options (${p.some}${p.value}).`,
  'fieldValues.notOrganizationId': (p) => `« ${p.v} » n’est pas l’identifiant d’une organisation.`,
  'fieldValues.notUserId': (p) => `« ${p.v} » n’est pas l’identifiant d’un utilisateur.`,
  'fieldValues.valueMustText': () => `la valeur doit être un texte.`,
  'fieldValues.valuesMustListTexts': () => `values doit être une liste de textes.`,
  'fieldValues.fieldTakesOneValue': () => `ce champ prend une seule valeur : utilisez value, pas values.`,
  'fieldValues.giveEitherValueValues': () => `donnez value ou values, pas les deux.`,
};
