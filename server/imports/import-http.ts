import { Router, type Request, type Response } from 'express';
import busboy from 'busboy';
import { PassThrough, type Readable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { refusal } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import { resolveViewer, type Services } from '../graphql/context.js';
import { parseId } from '../graphql/ids.js';
import { textOf, UserInputError } from '../graphql/errors.js';
import { requestLanguage, type Lang } from '../i18n/language.js';
import { msg, renderText, type Text } from '../i18n/message.js';
import type { CsvEncoding } from './csv-text-decoder.js';
import { importPolicy } from './import.policy.js';
import { FileTooLargeError, IMPORT_MODES, MAX_IMPORT_BYTES, type ImportModeName, type NewImport } from './import-jobs.service.js';
import type { ImportJobEntity } from './import-job.entity.js';

/**
 * The import's HTTP doors for scripts and the admin app (GraphQL carries no
 * files):
 * - POST /imports/users, multipart/form-data with the field `file` (and
 *   optional `mode`, `dryRun`, `blankCellsClear`, `encoding`), streamed to
 *   disk (busboy; never held in memory), answers 202 { id, status }. A session
 *   must send the CSRF header (`x-accueil-csrf: 1`, or Apollo's
 *   `apollo-require-preflight`): a cross-site form cannot; a token needs the
 *   IMPORT scope. Answered once, when the whole request is read: a field's
 *   bad value, a form cut off or unreadable is 400 BAD_USER_INPUT naming the
 *   field, and the job is made only for a whole, well-formed form.
 * - GET /imports/users/:id/failed-rows.csv: the failing rows with an `errors` column.
 * - GET /imports/users/:id/warnings.csv: the rows' kept warnings (row, column, code, message).
 */

/** A JSON error, its message in the asker's language (see i18n/language.ts). */
function send(res: Response, status: number, code: string, message: Text, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message: renderText(message, requestLanguage(res.req)), extensions: { code, ...extra } }] });
}

async function allowed(services: Services, req: Request, res: Response, needsCsrf: boolean): Promise<Viewer | null> {
  let viewer: Viewer;
  try {
    viewer = await resolveViewer(services, req, res);
  } catch (err) {
    if (err instanceof GraphQLError) send(res, 401, 'UNAUTHENTICATED', textOf(err));
    else throw err;
    return null;
  }
  if (needsCsrf && viewer.kind === 'session' && !req.headers['x-accueil-csrf'] && !req.headers['apollo-require-preflight']) {
    send(res, 400, 'BAD_REQUEST', msg('imports.sendCsrfHeader'));
    return null;
  }
  const why = refusal(viewer, importPolicy.manage);
  if (why) {
    send(res, why.code === 'UNAUTHENTICATED' ? 401 : 403, why.code, why.message);
    return null;
  }
  return viewer;
}

/** The fields that set the import up: read before the file, which is streamed as it arrives. */
const OPTION_FIELDS = ['mode', 'dryRun', 'blankCellsClear', 'encoding'];
const MAX_FIELDS = 20;

function modeOf(fields: Record<string, string>): ImportModeName {
  const mode = (fields.mode ?? 'CREATE_OR_UPDATE').trim().toUpperCase();
  if (!(IMPORT_MODES as readonly string[]).includes(mode))
    throw new UserInputError('mode', msg('imports.modeMustOne', { value: IMPORT_MODES.join(', ') }));
  return mode as ImportModeName;
}

/** A yes-or-no field: absent is no; true/false, 1/0, yes/no, on/off in any case; anything else is refused (never taken as no). */
function flagOf(fields: Record<string, string>, name: string): boolean {
  const value = fields[name]?.trim().toLowerCase();
  if (value === undefined) return false;
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new UserInputError(name, msg('imports.flagMustBoolean', { field: name }));
}

/** The file's encoding (csv-text-decoder.ts): UTF-8 unless the upload says windows-1252; any other name is refused. */
function encodingOf(fields: Record<string, string>): CsvEncoding {
  const value = (fields.encoding ?? 'utf-8').trim().toLowerCase();
  if (value === 'utf-8' || value === 'utf8') return 'utf-8';
  if (value === 'windows-1252' || value === 'cp1252') return 'windows-1252';
  throw new UserInputError('encoding', msg('imports.encodingMustOne'));
}

/** C0 and C1 controls and DEL: no file's name holds one (busboy decodes `filename*=utf-8''a%0A.csv`). */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** busboy's errors about the body: it ended before the form's end, or a part's headers cannot be read. */
const formError = (err: unknown): UserInputError =>
  new UserInputError(
    'file',
    /^Unexpected end of (form|file)$/.test((err as Error)?.message ?? '') ? msg('imports.formCutOff') : msg('imports.formMalformed'),
  );

/**
 * Reads an upload's form with `bb`: the fields, then the file, streamed into a new job (services.imports.create).
 * Settles once, when the request has been read to its end (or cut off): with the job, or with the first problem (a
 * UserInputError naming the field, a FileTooLargeError, or an unexpected error). The job is made only for a whole,
 * well-formed form (create waits for `formRead`); for any other, the stored file is deleted before this settles.
 */
function receiveUpload(
  services: Services,
  req: Request,
  bb: busboy.Busboy,
  uploader: { createdById: number | null; createdByTokenId: number | null },
): Promise<ImportJobEntity> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let job: Promise<ImportJobEntity> | null = null;
    let problem: Error | null = null;
    let formDone!: { read: () => void; refused: (err: Error) => void };
    const formRead = new Promise<void>((read, refused) => (formDone = { read, refused }));
    formRead.catch(() => undefined); // create reads it; without a file nothing else does

    const refuse = (err: Error) => {
      problem ??= err;
      formDone.refused(problem);
    };
    // The body cannot be read on: the rest of the request is read and dropped, and busboy ends the file's stream in error.
    const stop = (err: Error) => {
      refuse(err);
      req.unpipe(bb);
      req.resume();
      if (!bb.destroyed) bb.destroy();
    };

    bb.on('field', (name, value) => {
      if (job && OPTION_FIELDS.includes(name)) refuse(new UserInputError(name, msg('imports.fieldAfterFile', { field: name })));
      // mode=CREATE then mode=UPDATE: which one was meant is not ours to guess.
      else if (OPTION_FIELDS.includes(name) && name in fields) refuse(new UserInputError(name, msg('imports.fieldTwice', { field: name })));
      else fields[name] = value;
    });
    bb.on('fieldsLimit', () => refuse(new UserInputError('file', msg('imports.tooManyFields', { max: MAX_FIELDS }))));
    // Past `files: 1` busboy drops a file unread: refused, never a 202 that says the upload was taken.
    bb.on('filesLimit', () => refuse(new UserInputError('file', msg('imports.oneFileOnly'))));
    bb.on('file', (name, file: Readable, info) => {
      // Cut off mid-part, busboy ends the part's stream in error, read or not (and says so in its own 'error' too):
      // without a listener, that error would end the process.
      file.on('error', () => undefined);
      if (name !== 'file' || job || problem) {
        file.resume();
        return;
      }
      let options: Pick<NewImport, 'mode' | 'dryRun' | 'blankCellsClear' | 'encoding'>;
      try {
        options = {
          mode: modeOf(fields),
          dryRun: flagOf(fields, 'dryRun'),
          blankCellsClear: flagOf(fields, 'blankCellsClear'),
          encoding: encodingOf(fields),
        };
        if (CONTROL_CHARACTER.test(info.filename ?? '')) throw new UserInputError('file', msg('imports.fileNameControl'));
      } catch (err) {
        refuse(err as Error);
        file.resume();
        return;
      }
      // busboy's own stream is never destroyed (busboy would wait for it forever, and the request would get no answer):
      // the import reads a copy, and when it gives up (a file over the limit), the rest of the upload is read and dropped.
      const body = new PassThrough();
      file.pipe(body);
      file.on('limit', () => body.destroy(new FileTooLargeError('The file is over 200 MB.')));
      // The copy ends in the same error (create deletes the stored file).
      file.on('error', (err) => body.destroy(err));
      job = services.imports.create({ fileName: info.filename ?? '', file: body, ...options, ...uploader, ready: formRead });
      job.catch(() => {
        file.unpipe(body);
        file.resume();
      });
    });
    bb.on('error', (err) => stop(formError(err)));
    // The client went away before the end of its request.
    req.on('close', () => {
      if (!req.complete) stop(new UserInputError('file', msg('imports.formCutOff')));
    });
    bb.on('close', () => {
      if (problem) {
        const err = problem;
        // A job begun fails too (formRead was refused) once its file is deleted; then the answer.
        void (job ?? Promise.resolve()).then(
          () => reject(err),
          () => reject(err),
        );
      } else if (!job) {
        reject(new UserInputError('file', msg('imports.noFile')));
      } else {
        formDone.read();
        job.then(resolve, reject);
      }
    });
    req.pipe(bb);
    if (req.destroyed) stop(new UserInputError('file', msg('imports.formCutOff'))); // gone while the viewer was read
  });
}

export function importRoutes(services: Services): Router {
  const router = Router();

  // Every answer is written here, once, when the upload has been read (receiveUpload settles once).
  router.post('/users', async (req, res, next) => {
    try {
      const viewer = await allowed(services, req, res, true);
      if (!viewer) return;
      if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
        send(res, 400, 'BAD_REQUEST', msg('imports.sendMultipart'));
        return;
      }
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_IMPORT_BYTES + 1, fields: MAX_FIELDS, fieldSize: 1000 } });
      } catch {
        // No boundary in the content type.
        send(res, 400, 'BAD_REQUEST', msg('imports.sendMultipart'));
        return;
      }
      // Who uploaded it (and with which token): the job runs only while they may still import (import-uploader.ts).
      const job = await receiveUpload(services, req, bb, {
        createdById: viewer.kind === 'anonymous' ? null : viewer.user.id,
        createdByTokenId: viewer.kind === 'token' ? viewer.token.id : null,
      });
      res.status(202).json({ id: String(job.id), status: job.status });
    } catch (err) {
      if (err instanceof FileTooLargeError) send(res, 413, 'PAYLOAD_TOO_LARGE', msg('imports.fileTooLarge'));
      else if (err instanceof UserInputError) send(res, 400, 'BAD_USER_INPUT', textOf(err), { field: err.field });
      else next(err);
    }
  });

  /** A download of a job: 404 for an unknown job; `file`: made from the uploaded file (410 once it was deleted). */
  const download = (name: string, file: boolean, write: (job: ImportJobEntity, res: Response, lang: Lang, viewer: Viewer) => Promise<void>) =>
    router.get(`/users/:id/${name}.csv`, async (req, res, next) => {
      try {
        const viewer = await allowed(services, req, res, false);
        if (!viewer) return;
        const id = parseId(String(req.params.id));
        const job = id === null ? null : await services.imports.byId(id);
        if (!job) {
          send(res, 404, 'NOT_FOUND', msg('notFound.import', { id: req.params.id }));
          return;
        }
        if (file && !job.filePath) {
          send(res, 410, 'GONE', msg('imports.fileDeletedGone', { id: job.id }));
          return;
        }
        const base = job.fileName.replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_') || 'import';
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="${base}-${name}.csv"`);
        res.write('\uFEFF');
        await write(job, res, requestLanguage(req), viewer);
      } catch (err) {
        next(err);
      }
    });
  download('failed-rows', true, (job, res, lang, viewer) => services.imports.writeFailedRows(job, res, lang, viewer));
  download('warnings', false, (job, res, lang, viewer) => services.imports.writeWarnings(job, res, lang, viewer));

  return router;
}
