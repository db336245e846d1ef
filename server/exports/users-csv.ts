import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { authorize } from '../auth/policy.js';
import type { Services } from '../graphql/context.js';
import { resolveViewer } from '../graphql/context.js';
import { NotFoundError, textOf } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { USER_COLUMNS, customFieldColumn } from '../imports/user-columns.js';
import { customerListPolicy } from '../lists/customer-list.policy.js';
import type { UserFilterInput } from '../users/user-filter.types.js';
import { userFilterOf } from '../users/user-filter.js';
import { userPolicy } from '../users/user.policy.js';
import { exportRequest } from './export-params.js';
import { csvField, csvRecord, UTF8_BOM } from './csv-writer.js';
import type { ExportPage } from '../users/user-export-rows.js';
import { fromSqlBool } from '../db/sql.js';
import type { UserColumn } from '../imports/user-columns.js';
import { msg, renderText } from '../i18n/message.js';
import { requestLanguage } from '../i18n/language.js';

/**
 * GET /exports/users.csv (issue 9): every user a customer list (`?listId=`)
 * or a filter (the UserFilterInput's fields as query parameters, or `filter`
 * as JSON) holds, newest first, in the columns the CSV import reads. Staff
 * signed in, or a token with USERS_READ. Streamed a page of users at a time,
 * read as plain rows (keyset paging on the id: users/user-export-rows.ts) and
 * written as CSV text straight from them, waiting for the client to take each
 * page (backpressure), so memory stays flat whatever the size; `X-Total-Count`
 * announces the rows for a progress bar. The parameters are read strictly
 * (exports/export-params.ts): one it does not know is refused, not ignored.
 */

/** Users a page: at 2,000 a page's rows outlive V8's young generation and the old one grows (RSS); 1,000 is as fast. */
const PAGE = 1000;

function fail(req: Request, res: Response, e: unknown, services: Services): void {
  const code = e instanceof GraphQLError ? String(e.extensions?.code ?? 'BAD_USER_INPUT') : 'INTERNAL_SERVER_ERROR';
  const status = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 }[code] ?? 500;
  if (status === 500) services.log.error({ err: e }, 'export failed');
  const message = status === 500 ? 'Internal server error' : renderText(textOf(e as Error), requestLanguage(req));
  const field = e instanceof GraphQLError ? e.extensions?.field : undefined;
  res.status(status).json({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });
}

/** Waits until the client has taken what was written (backpressure), or throws when it went away. */
function written(res: Response, chunk: string): Promise<void> | void {
  if (res.destroyed) throw new Error('client went away');
  if (res.write(chunk)) return;
  return new Promise((ok, ko) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      if (res.destroyed) ko(new Error('client went away'));
      else ok();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * A user's rows in one of a page's lists (sorted by user, oldest first), found
 * from the end as the users come newest first: after `seek(id)`, they are
 * `rows[start]` to `rows[end - 1]`. Rows of users not on the page are passed.
 */
class RowsOfUser<R extends { user_id: unknown }> {
  start: number;
  end: number;
  constructor(readonly rows: readonly R[]) {
    this.start = this.end = rows.length;
  }
  seek(id: number): void {
    let end = this.start;
    while (end > 0 && Number(this.rows[end - 1].user_id) > id) end--;
    let start = end;
    while (start > 0 && Number(this.rows[start - 1].user_id) === id) start--;
    this.start = start;
    this.end = end;
  }
}

/**
 * Writes a page of rows as CSV text, walking each user's identities, tags and
 * values beside the users (RowsOfUser): nothing is grouped per user. One
 * reused record and one array of field cells: a row costs its strings.
 */
function pageWriter(fields: readonly { id: number }[]): (page: ExportPage) => string {
  const column = new Map(fields.map((f, i) => [f.id, i]));
  const cells: (string | null)[] = fields.map(() => null);
  const row: Record<UserColumn, string> = {
    name: '',
    email: '',
    emails: '',
    external_id: '',
    phone: '',
    phones: '',
    role: '',
    organization: '',
    tags: '',
    time_zone: '',
    locale: '',
    alias: '',
    details: '',
    notes: '',
    verified: '',
    suspended: '',
  };
  return (page) => {
    const identities = new RowsOfUser(page.identities);
    const tags = new RowsOfUser(page.tags);
    const values = new RowsOfUser(page.values);
    let out = '';
    for (const u of page.users) {
      const id = Number(u.id);
      // The primary email (the first primary one) and the other addresses; the same for phones, the user's phone first.
      identities.seek(id);
      let primaryEmail = '';
      let primaryPhone: string | null = u.phone;
      for (let k = identities.start; k < identities.end; k++) {
        const x = identities.rows[k];
        if (!fromSqlBool(x.is_primary)) continue;
        if (x.type === 'EMAIL' && primaryEmail === '') primaryEmail = x.value;
        else if (x.type === 'PHONE' && primaryPhone === null) primaryPhone = x.value;
      }
      primaryPhone ??= '';
      let emails = '';
      let phones = '';
      for (let k = identities.start; k < identities.end; k++) {
        const x = identities.rows[k];
        if (x.type === 'EMAIL' && x.value !== primaryEmail) emails = emails === '' ? x.value : `${emails}|${x.value}`;
        else if (x.type === 'PHONE' && x.value !== primaryPhone) phones = phones === '' ? x.value : `${phones}|${x.value}`;
      }
      tags.seek(id);
      let userTags = '';
      for (let k = tags.start; k < tags.end; k++) userTags = userTags === '' ? tags.rows[k].tag : `${userTags} ${tags.rows[k].tag}`;
      values.seek(id);
      for (let k = values.start; k < values.end; k++) {
        const c = column.get(Number(values.rows[k].field_id));
        if (c === undefined) continue;
        const before = cells[c];
        cells[c] = before === null ? values.rows[k].value : `${before};${values.rows[k].value}`;
      }
      row.name = u.name;
      row.email = primaryEmail;
      row.emails = emails;
      row.external_id = u.external_id ?? '';
      row.phone = primaryPhone;
      row.phones = phones;
      row.role = u.role;
      row.organization = u.organization_name ?? '';
      row.tags = userTags;
      row.time_zone = u.time_zone ?? '';
      row.locale = u.locale ?? '';
      row.alias = u.alias ?? '';
      row.details = u.details ?? '';
      row.notes = u.notes ?? '';
      row.verified = String(fromSqlBool(u.verified));
      row.suspended = String(fromSqlBool(u.suspended));
      for (let c = 0; c < USER_COLUMNS.length; c++) out += c === 0 ? csvField(row[USER_COLUMNS[c]]) : `,${csvField(row[USER_COLUMNS[c]])}`;
      for (let c = 0; c < cells.length; c++) {
        out += `,${csvField(cells[c] ?? '')}`;
        cells[c] = null;
      }
      out += '\r\n';
    }
    return out;
  };
}

export function usersCsvExport(services: Services): RequestHandler {
  return async (req, res) => {
    let started = false;
    try {
      const viewer = await resolveViewer(services, req, res);
      authorize(viewer, userPolicy.list);
      let filterInput: UserFilterInput;
      let name = 'users';
      const asked = exportRequest(req);
      if ('listId' in asked) {
        const { listId } = asked;
        const n = parseId(listId);
        const list = n === null ? null : await services.customerLists.byId(n);
        if (!list || viewer.kind === 'anonymous' || !(list.shared || list.ownerId === viewer.user.id))
          throw new NotFoundError(msg('notFound.customerList', { listId }));
        authorize(viewer, customerListPolicy.read, list);
        filterInput = list.filter;
        name = list.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || 'users';
      } else filterInput = asked.filter;
      const query = filterInput.query ?? null;
      const filter = await userFilterOf(filterInput, services.fieldValues);
      const total = await services.users.count(query, filter);
      const definitions = await services.fieldValues.definitions();
      const fields = definitions.filter((f) => f.active);
      // The values of the active fields; when every field is, no condition (a field made since is passed by the writer).
      const fieldIds = fields.length === definitions.length && fields.length > 0 ? 'every' : fields.map((f) => f.id);

      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${encodeURIComponent(name)}.csv"; filename*=UTF-8''${encodeURIComponent(name)}.csv`,
      );
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Total-Count', String(total));
      started = true;
      await written(res, UTF8_BOM + csvRecord([...USER_COLUMNS, ...fields.map((f) => customFieldColumn(f.key))]));

      const csv = pageWriter(fields);
      // Pipelined, at most two pages in memory: the next page's users are asked for as soon as this page's are in (the
      // keyset needs its last id), and read with their identities, tags and values while this page is written.
      const read = (before: number | null) => {
        const users = services.users.exportUsers(query, filter, before, PAGE);
        const page = users.then((us) => services.users.exportPage(us, fieldIds));
        // Awaited in turn below; if the client goes away first, their failure is nobody's to report.
        page.catch(() => undefined);
        return { users, page };
      };
      for (let current = read(null); ;) {
        const users = await current.users;
        if (users.length === 0) break;
        const next = users.length < PAGE ? null : read(Number(users[users.length - 1].id));
        await written(res, csv(await current.page));
        if (!next) break;
        current = next;
      }
      res.end();
    } catch (e) {
      if (!started) fail(req, res, e, services);
      else {
        if (!res.destroyed) services.log.warn({ err: e }, 'export stopped');
        res.destroy();
      }
    }
  };
}
