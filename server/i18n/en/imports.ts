import type { FormatNumber, ParamValue } from '../message.js';

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
  'imports.formCutOff': () => `The upload was cut off before the end of the form: nothing was imported. Send it again, whole.`,
  'imports.formMalformed': () =>
    `The upload is not valid multipart/form-data: the headers of a part cannot be read (a line break or a control character in a name, a name too long…). Nothing was imported.`,
  'imports.tooManyFields': (p: { max: number }, n: FormatNumber) =>
    `The form has more than ${n(p.max)} fields: send mode, dryRun, blankCellsClear, encoding and the file.`,
  'imports.fileNameControl': () => `The file's name holds a control character (a line break, NUL…): rename the file and send it again.`,
  'imports.flagMustBoolean': (p: { field: ParamValue }) => `${p.field} must be true or false (or 1/0, yes/no, on/off).`,
  'imports.encodingMustOne': () => `encoding must be utf-8 or windows-1252.`,
  'imports.fieldAfterFile': (p: { field: ParamValue }) =>
    `${p.field} came after the file: send mode, dryRun, blankCellsClear and encoding before the file.`,
  'imports.fieldTwice': (p: { field: ParamValue }) => `${p.field} is given twice: send it once, before the file.`,
  'imports.oneFileOnly': () => `The form holds more than one file: send one file per upload. Nothing was imported.`,
  // A file's rows and header (written in the background, rendered when read: see i18n/message-json.ts).
  'imports.twoSentences': (p: { first: ParamValue; then: ParamValue }) => `${p.first} ${p.then}`,
  'imports.headerEmpty': (p: { letters: ParamValue }) => `The header of column ${p.letters} is empty: every column needs a name.`,
  'imports.unknownColumn': (p: { name: ParamValue; letters: ParamValue }) => `${p.name} (column ${p.letters}) is not a column this import knows.`,
  'imports.unknownColumnDidYouMean': (p: { name: ParamValue; letters: ParamValue; suggestion: ParamValue }) =>
    `${p.name} (column ${p.letters}) is not a column this import knows. Did you mean ${p.suggestion}?`,
  'imports.unknownColumnSeparator': (p: { name: ParamValue; letters: ParamValue }) =>
    `${p.name} (column ${p.letters}) is not a column this import knows. The columns seem separated by semicolons or tabs, and none of their names is one this import knows: check the names.`,
  'imports.doubledColumn': (p: { name: ParamValue; letters: ParamValue; first: ParamValue }) =>
    `${p.name} (column ${p.letters}) repeats the column ${p.first}: each column may appear once.`,
  'imports.headerProblems': (p: { count: number; list: ParamValue }, n: FormatNumber) =>
    `The header row has ${p.count === 1 ? 'a problem' : `${n(p.count)} problems`}: ${p.list}`,
  'imports.row1Empty': () => `Row 1 is empty: the first row must name the columns.`,
  'imports.fileEmpty': () => `The file is empty: its first row must name the columns.`,
  'imports.binaryFile': (p: { line: ParamValue; byte: ParamValue }) =>
    `This is a binary file, not CSV text (an .xlsx spreadsheet, an image…): row ${p.line} holds the byte ${p.byte}. Save the sheet as CSV.`,
  'imports.notUtf8': (p: { line: ParamValue; byte: ParamValue }) =>
    `The file is not UTF-8 text: row ${p.line} holds the byte ${p.byte}, which UTF-8 does not allow there. Save it as "CSV UTF-8", or import it declared as Windows-1252.`,
  'imports.notUtf16': (p: { line: ParamValue; unit: ParamValue }) =>
    `The file is UTF-16 text with a broken character: row ${p.line} holds ${p.unit}, which UTF-16 does not allow there. Save it as "CSV UTF-8".`,
  'imports.rowTooLong': (p: { line: ParamValue; max: number }, n: FormatNumber) =>
    `Row ${p.line} is longer than ${n(p.max)} characters: is a quote (") opened there and never closed?`,
  'imports.quoteNotClosed': (p: { line: ParamValue }) => `Row ${p.line} opens a quote (") that is never closed.`,
  'imports.notCsv': (p: { line: ParamValue; detail: ParamValue }) => `Row ${p.line} is not valid CSV: ${p.detail}`,
  'imports.raggedRow': (p: { line: ParamValue; cells: number; columns: ParamValue }) =>
    `Row ${p.line} has ${p.cells} ${p.cells === 1 ? 'cell' : 'cells'} where the header has ${p.columns} columns.`,
  'imports.invalidRole': (p: { value: ParamValue }) => `${p.value} is not a role: use end-user, agent or admin.`,
  'imports.invalidBoolean': (p: { value: ParamValue }) => `${p.value} is not yes or no: use true/false, yes/no or 1/0.`,
  'imports.duplicateEmail': (p: { line: ParamValue }) => `Row ${p.line} already has an email address of this row (in any letter case).`,
  'imports.duplicateExternalId': (p: { line: ParamValue }) => `Row ${p.line} already has an external ID of this row (in any letter case).`,
  'imports.sameAccountByExternalId': (p: { line: ParamValue }) =>
    `This row's external ID matches the account row ${p.line} already wrote: one file writes an account from one row only.`,
  'imports.sameAccountByEmail': (p: { line: ParamValue }) =>
    `This row's email address matches the account row ${p.line} already wrote: one file writes an account from one row only.`,
  'imports.sameAccountByPhone': (p: { line: ParamValue }) =>
    `This row's phone number matches the account row ${p.line} already wrote: one file writes an account from one row only.`,
  'imports.stoppedUploaderDeleted': () =>
    `The import stopped: the account that uploaded it was deleted. The rows written before stay; an admin can import the rest.`,
  'imports.stoppedUploaderSuspended': () =>
    `The import stopped: the account that uploaded it was suspended. The rows written before stay; an admin can import the rest.`,
  'imports.stoppedTokenRevoked': () =>
    `The import stopped: the API token that uploaded it was revoked. The rows written before stay; upload the file again with a live token to import the rest.`,
  'imports.stoppedUploaderNotAllowed': () =>
    `The import stopped: the account that uploaded it may no longer import users (only admins can). The rows written before stay; an admin can import the rest.`,
  'imports.fileDeletedGone': (p: { id: ParamValue }) =>
    `The file of import ${p.id} was deleted after IMPORT_FILE_RETENTION_DAYS; its errors are still listed in the import.`,
};
