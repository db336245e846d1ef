import type { Translation } from '../catalog.js';
import type { imports as en } from '../en/imports.js';

export const imports: Translation<typeof en> = {
  'imports.onlyPreviewedRun': () => `Seul un import prévisualisé peut être lancé.`,
  'imports.endedCannotCancel': () => `Cet import est terminé : il ne peut pas être annulé.`,
  'imports.modeMustOne': (p) => `mode doit valoir l’une de ces valeurs : ${p.value}.`,
  'imports.filePreviewWasDeleted': () => `Le fichier de cette prévisualisation a été supprimé (IMPORT_FILE_RETENTION_DAYS) : envoyez-le à nouveau.`,
  'imports.adminsImportUsers': () => `Seuls les administrateurs peuvent importer des utilisateurs.`,
  'imports.sendCsrfHeader': () => `Envoyez l’en-tête x-accueil-csrf: 1 avec un envoi fait en étant connecté.`,
  'imports.sendMultipart': () => `Envoyez le fichier en multipart/form-data dans le champ "file".`,
  'imports.fileTooLarge': () => `Le fichier dépasse 200 Mo.`,
  'imports.noFile': () => `Aucun fichier : envoyez-le dans le champ multipart "file" (mettez mode, dryRun et blankCellsClear avant lui).`,
};
