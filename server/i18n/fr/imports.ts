import type { Translation } from '../catalog.js';
import type { imports as en } from '../en/imports.js';

export const imports: Translation<typeof en> = {
  'imports.onlyPreviewedRun': () => `Seul un import prévisualisé peut être lancé.`,
  'imports.endedCannotCancel': () => `Cet import est terminé : il ne peut pas être annulé.`,
  'imports.modeMustOne': (p) => `mode doit valoir l’une de ces valeurs : ${p.value}.`,
  'imports.filePreviewWasDeleted': () => `Le fichier de cette prévisualisation a été supprimé (IMPORT_FILE_RETENTION_DAYS) : envoyez-le à nouveau.`,
  'imports.adminsImportUsers': () => `Seuls les administrateurs peuvent importer des utilisateurs.`,
  'imports.sendCsrfHeader': () => `Envoyez l’en-tête x-accueil-csrf: 1 avec un envoi fait en étant connecté.`,
  'imports.sendMultipart': () => `Envoyez le fichier en multipart/form-data dans le champ "file".`,
  'imports.fileTooLarge': () => `Le fichier dépasse 200 Mo.`,
  'imports.noFile': () => `Aucun fichier : envoyez-le dans le champ multipart "file" (mettez mode, dryRun et blankCellsClear avant lui).`,
  'imports.formCutOff': () => `L’envoi s’est interrompu avant la fin du formulaire : rien n’a été importé. Envoyez-le à nouveau, en entier.`,
  'imports.formMalformed': () =>
    `L’envoi n’est pas un multipart/form-data valide : les en-têtes d’une partie sont illisibles (un saut de ligne ou un caractère de contrôle dans un nom, un nom trop long…). Rien n’a été importé.`,
  'imports.tooManyFields': (p, n) => `Le formulaire a plus de ${n(p.max)} champs : envoyez mode, dryRun, blankCellsClear, encoding et le fichier.`,
  'imports.fileNameControl': () =>
    `Le nom du fichier contient un caractère de contrôle (un saut de ligne, NUL…) : renommez le fichier et envoyez-le à nouveau.`,
  'imports.flagMustBoolean': (p) => `${p.field} doit valoir true ou false (ou 1/0, yes/no, on/off).`,
  'imports.encodingMustOne': () => `encoding doit valoir utf-8 ou windows-1252.`,
  'imports.fieldAfterFile': (p) => `${p.field} est arrivé après le fichier : envoyez mode, dryRun, blankCellsClear et encoding avant le fichier.`,
  'imports.fieldTwice': (p) => `${p.field} est donné deux fois : envoyez-le une seule fois, avant le fichier.`,
  'imports.oneFileOnly': () => `Le formulaire contient plus d’un fichier : envoyez un fichier par envoi. Rien n’a été importé.`,
  'imports.twoSentences': (p) => `${p.first} ${p.then}`,
  'imports.headerEmpty': (p) => `L’en-tête de la colonne ${p.letters} est vide : chaque colonne doit avoir un nom.`,
  'imports.unknownColumn': (p) => `${p.name} (colonne ${p.letters}) n’est pas une colonne connue de cet import.`,
  'imports.unknownColumnDidYouMean': (p) =>
    `${p.name} (colonne ${p.letters}) n’est pas une colonne connue de cet import. Vouliez-vous dire ${p.suggestion} ?`,
  'imports.unknownColumnSeparator': (p) =>
    `${p.name} (colonne ${p.letters}) n’est pas une colonne connue de cet import. Les colonnes semblent séparées par des points-virgules ou des tabulations, et aucun de leurs noms n’est connu de cet import : vérifiez les noms.`,
  'imports.doubledColumn': (p) => `${p.name} (colonne ${p.letters}) répète la colonne ${p.first} : chaque colonne ne peut figurer qu’une fois.`,
  'imports.headerProblems': (p, n) => `La ligne d’en-tête a ${p.count === 1 ? 'un problème' : `${n(p.count)} problèmes`} : ${p.list}`,
  'imports.row1Empty': () => `La ligne 1 est vide : la première ligne doit nommer les colonnes.`,
  'imports.fileEmpty': () => `Le fichier est vide : sa première ligne doit nommer les colonnes.`,
  'imports.binaryFile': (p) =>
    `C’est un fichier binaire, pas du texte CSV (un classeur .xlsx, une image…) : la ligne ${p.line} contient l’octet ${p.byte}. Enregistrez la feuille au format CSV.`,
  'imports.notUtf8': (p) =>
    `Le fichier n’est pas du texte UTF-8 : la ligne ${p.line} contient l’octet ${p.byte}, que l’UTF-8 n’autorise pas à cet endroit. Enregistrez-le en « CSV UTF-8 », ou importez-le en le déclarant Windows-1252.`,
  'imports.notUtf16': (p) =>
    `Le fichier est du texte UTF-16 avec un caractère cassé : la ligne ${p.line} contient ${p.unit}, que l’UTF-16 n’autorise pas à cet endroit. Enregistrez-le en « CSV UTF-8 ».`,
  'imports.rowTooLong': (p, n) => `La ligne ${p.line} dépasse ${n(p.max)} caractères : un guillemet (") y est-il ouvert sans être fermé ?`,
  'imports.quoteNotClosed': (p) => `La ligne ${p.line} ouvre un guillemet (") qui n’est jamais fermé.`,
  'imports.notCsv': (p) => `La ligne ${p.line} n’est pas du CSV valide : ${p.detail}`,
  'imports.raggedRow': (p) => `La ligne ${p.line} a ${p.cells} ${p.cells <= 1 ? 'cellule' : 'cellules'} alors que l’en-tête a ${p.columns} colonnes.`,
  'imports.invalidRole': (p) => `${p.value} n’est pas un rôle : utilisez end-user, agent ou admin.`,
  'imports.invalidBoolean': (p) => `${p.value} n’est ni oui ni non : utilisez true/false, yes/no, 1/0 ou oui/non.`,
  'imports.duplicateEmail': (p) => `La ligne ${p.line} a déjà une adresse e-mail de cette ligne (sans tenir compte de la casse).`,
  'imports.duplicateExternalId': (p) => `La ligne ${p.line} a déjà un identifiant externe de cette ligne (sans tenir compte de la casse).`,
  'imports.sameAccountByExternalId': (p) =>
    `L’identifiant externe de cette ligne désigne le compte déjà écrit par la ligne ${p.line} : un fichier n’écrit un compte que depuis une seule ligne.`,
  'imports.sameAccountByEmail': (p) =>
    `L’adresse e-mail de cette ligne désigne le compte déjà écrit par la ligne ${p.line} : un fichier n’écrit un compte que depuis une seule ligne.`,
  'imports.sameAccountByPhone': (p) =>
    `Le numéro de téléphone de cette ligne désigne le compte déjà écrit par la ligne ${p.line} : un fichier n’écrit un compte que depuis une seule ligne.`,
  'imports.stoppedUploaderDeleted': () =>
    `L’import s’est arrêté : le compte qui l’a envoyé a été supprimé. Les lignes déjà écrites restent ; un administrateur peut importer le reste.`,
  'imports.stoppedUploaderSuspended': () =>
    `L’import s’est arrêté : le compte qui l’a envoyé a été suspendu. Les lignes déjà écrites restent ; un administrateur peut importer le reste.`,
  'imports.stoppedTokenRevoked': () =>
    `L’import s’est arrêté : le jeton d’API qui l’a envoyé a été révoqué. Les lignes déjà écrites restent ; envoyez de nouveau le fichier avec un jeton valide pour importer le reste.`,
  'imports.stoppedUploaderNotAllowed': () =>
    `L’import s’est arrêté : le compte qui l’a envoyé ne peut plus importer d’utilisateurs (seuls les administrateurs le peuvent). Les lignes déjà écrites restent ; un administrateur peut importer le reste.`,
  'imports.fileDeletedGone': (p) =>
    `Le fichier de l’import ${p.id} a été supprimé après IMPORT_FILE_RETENTION_DAYS ; ses erreurs restent listées dans l’import.`,
};
