import type { ParamValue } from '../message.js';

export const imports = {
  'imports.onlyPreviewedRun': () => `Only a previewed import can be run.`,
  'imports.endedCannotCancel': () => `This import has ended: it cannot be cancelled.`,
  'imports.modeMustOne': (p: { value: ParamValue }) => `mode must be one of ${p.value}.`,
  'imports.filePreviewWasDeleted': () => `The file of this preview was deleted (IMPORT_FILE_RETENTION_DAYS): upload it again.`,
  'imports.adminsImportUsers': () => `Only admins can import users.`,
  'imports.sendCsrfHeader': () => `Send the header x-accueil-csrf: 1 with a signed-in upload.`,
  'imports.sendMultipart': () => `Send the file as multipart/form-data in the field "file".`,
  'imports.fileTooLarge': () => `The file is over 200 MB.`,
  'imports.noFile': () => `No file: send it in the multipart field "file" (put mode, dryRun and blankCellsClear before it).`,
};
