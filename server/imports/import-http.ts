import { Router, type Request, type Response } from 'express';
import busboy from 'busboy';
import { PassThrough, type Readable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { refusal } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import { resolveViewer, type Services } from '../graphql/context.js';
import { parseId } from '../graphql/ids.js';
import { textOf } from '../graphql/errors.js';
import { requestLanguage } from '../i18n/language.js';
import { msg, renderText, type Text } from '../i18n/message.js';
import type { CsvEncoding } from './csv-text-decoder.js';
import { importPolicy } from './import.policy.js';
import { FileTooLargeError, IMPORT_MODES, MAX_IMPORT_BYTES, type ImportModeName } from './import-jobs.service.js';

/**
 * The import's HTTP doors for scripts and the admin app (GraphQL carries no
 * files):
 * - POST /imports/users, multipart/form-data with the field `file` (and
 *   optional `mode`, `dryRun`, `blankCellsClear`, `encoding`), streamed to
 *   disk (busboy; never held in memory), answers 202 { id, status }. A session
 *   must send the CSRF header (`x-accueil-csrf: 1`, or Apollo's
 *   `apollo-require-preflight`): a cross-site form cannot; a token needs the
 *   IMPORT scope.
 * - GET /imports/users/:id/failed-rows.csv: the failing rows with an `errors` column.
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

const truthy = (v: string | undefined): boolean => /^(1|true|yes|on)$/i.test((v ?? '').trim());

export function importRoutes(services: Services): Router {
  const router = Router();

  router.post('/users', async (req, res, next) => {
    try {
      const viewer = await allowed(services, req, res, true);
      if (!viewer) return;
      if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
        send(res, 400, 'BAD_REQUEST', msg('imports.sendMultipart'));
        return;
      }
      const fields: Record<string, string> = {};
      let started: Promise<unknown> | null = null;
      const bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_IMPORT_BYTES + 1, fields: 20, fieldSize: 1000 } });
      bb.on('field', (name, value) => (fields[name] = value));
      bb.on('file', (name, file: Readable, info) => {
        if (name !== 'file' || started) {
          file.resume();
          return;
        }
        const mode = (fields.mode ?? 'CREATE_OR_UPDATE').trim().toUpperCase() as ImportModeName;
        if (!(IMPORT_MODES as readonly string[]).includes(mode)) {
          file.resume();
          started = Promise.reject(Object.assign(new Error(`mode must be one of ${IMPORT_MODES.join(', ')}.`), { field: 'mode' }));
          started.catch(() => undefined);
          return;
        }
        // busboy's own stream is never destroyed (busboy would wait for it forever, and the request would get no answer):
        // the import reads a copy, and when it gives up (a file over the limit), the rest of the upload is read and dropped.
        const body = new PassThrough();
        file.pipe(body);
        file.on('limit', () => body.destroy(new FileTooLargeError('The file is over 200 MB.')));
        started = services.imports.create({
          fileName: info.filename ?? '',
          file: body,
          mode,
          dryRun: truthy(fields.dryRun),
          blankCellsClear: truthy(fields.blankCellsClear),
          encoding: (/^(windows-1252|cp1252)$/i.test(fields.encoding ?? '') ? 'windows-1252' : 'utf-8') as CsvEncoding,
          createdById: viewer.kind === 'anonymous' ? null : viewer.user.id,
        });
        started.catch(() => {
          file.unpipe(body);
          file.resume();
        });
      });
      bb.on('close', async () => {
        if (!started) {
          send(res, 400, 'BAD_USER_INPUT', msg('imports.noFile'), {
            field: 'file',
          });
          return;
        }
        try {
          const job = (await started) as { id: number; status: string };
          res.status(202).json({ id: String(job.id), status: job.status });
        } catch (err) {
          if (err instanceof FileTooLargeError) send(res, 413, 'PAYLOAD_TOO_LARGE', msg('imports.fileTooLarge'));
          else if ((err as { field?: string }).field)
            send(res, 400, 'BAD_USER_INPUT', textOf(err as Error), { field: (err as { field: string }).field });
          else next(err);
        }
      });
      bb.on('error', (err) => next(err));
      req.pipe(bb);
    } catch (err) {
      next(err);
    }
  });

  router.get('/users/:id/failed-rows.csv', async (req, res, next) => {
    try {
      if (!(await allowed(services, req, res, false))) return;
      const id = parseId(String(req.params.id));
      const job = id === null ? null : await services.imports.byId(id);
      if (!job) {
        send(res, 404, 'NOT_FOUND', msg('notFound.import', { id: req.params.id }));
        return;
      }
      if (!job.filePath) {
        send(res, 410, 'GONE', msg('imports.fileDeletedGone', { id: job.id }));
        return;
      }
      const base = job.fileName.replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_') || 'import';
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${base}-failed-rows.csv"`);
      res.write('\uFEFF');
      await services.imports.writeFailedRows(job, res, requestLanguage(req));
    } catch (err) {
      next(err);
    }
  });

  return router;
}
