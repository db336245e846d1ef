import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { authorize } from '../auth/policy.js';
import type { Services } from '../graphql/context.js';
import { resolveViewer } from '../graphql/context.js';
import { UserInputError, NotFoundError, textOf } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { USER_COLUMNS, customFieldColumn } from '../imports/user-columns.js';
import { customerListPolicy } from '../lists/customer-list.policy.js';
import { Role } from '../users/role.js';
import { UserFieldCondition, UserFilterInput } from '../users/user-filter.types.js';
import { userFilterOf } from '../users/user-filter.js';
import { userPolicy } from '../users/user.policy.js';
import { csvRecord, UTF8_BOM } from './csv-writer.js';
import { msg, renderText } from '../i18n/message.js';
import { requestLanguage } from '../i18n/language.js';

/**
 * GET /exports/users.csv (issue 9): every user a customer list (`?listId=`)
 * or a filter (the UserFilterInput's fields as query parameters, or `filter`
 * as JSON) holds, newest first, in the columns the CSV import reads. Staff
 * signed in, or a token with USERS_READ. Streamed a page of ids at a time
 * (keyset paging on the id), waiting for the client to take each page, so
 * memory stays flat whatever the size; `X-Total-Count` announces the rows for
 * a progress bar.
 */

const PAGE = 2000;
const LIST_PARAMS = ['tagsAll', 'tagsAny', 'tagsNone', 'roles'] as const;
const BOOL_PARAMS = ['withoutOrganization', 'verified', 'suspended'] as const;
const DATE_PARAMS = ['createdAfter', 'createdBefore', 'updatedAfter', 'updatedBefore'] as const;

const param = (req: Request, name: string): string[] => {
  const v = req.query[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
};

/** The filter the query parameters describe (validated later, as users(filter:) does). */
function filterFromQuery(req: Request): UserFilterInput {
  const f = new UserFilterInput();
  const json = param(req, 'filter')[0];
  if (json !== undefined) {
    try {
      Object.assign(f, JSON.parse(json));
    } catch {
      throw new UserInputError('filter', msg('exports.filterMustJsonUserfilterinput'));
    }
    if (f.fields) f.fields = f.fields.map((c) => Object.assign(new UserFieldCondition(), c));
  }
  const query = param(req, 'query')[0];
  if (query !== undefined) f.query = query;
  const org = param(req, 'organizationId')[0];
  if (org !== undefined) f.organizationId = org;
  for (const k of LIST_PARAMS) {
    const values = param(req, k).flatMap((v) => v.split(','));
    if (values.length) (f as Record<string, unknown>)[k] = values;
  }
  if (f.roles && f.roles.some((r) => !(r in Role))) throw new UserInputError('roles', msg('exports.rolesAreEndUser'));
  for (const k of BOOL_PARAMS) {
    const v = param(req, k)[0];
    if (v === undefined) continue;
    if (v !== 'true' && v !== 'false') throw new UserInputError(k, msg('exports.trueFalse', { k }));
    f[k] = v === 'true';
  }
  for (const k of [...DATE_PARAMS]) {
    const v = param(req, k)[0] ?? (f[k] as unknown as string | undefined);
    if (v === undefined || v === null) continue;
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new UserInputError(k, msg('exports.iSO8601Time', { k }));
    f[k] = d;
  }
  return f;
}

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

export function usersCsvExport(services: Services): RequestHandler {
  return async (req, res) => {
    let started = false;
    try {
      const viewer = await resolveViewer(services, req, res);
      authorize(viewer, userPolicy.list);
      let filterInput: UserFilterInput;
      let name = 'users';
      const listId = param(req, 'listId')[0];
      if (listId !== undefined) {
        const n = parseId(listId);
        const list = n === null ? null : await services.customerLists.byId(n);
        if (!list || viewer.kind === 'anonymous' || !(list.shared || list.ownerId === viewer.user.id))
          throw new NotFoundError(msg('notFound.customerList', { listId }));
        authorize(viewer, customerListPolicy.read, list);
        filterInput = list.filter;
        name = list.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || 'users';
      } else filterInput = filterFromQuery(req);
      const query = filterInput.query ?? null;
      const filter = await userFilterOf(filterInput, services.fieldValues);
      const total = await services.users.count(query, filter);
      const fields = (await services.fieldValues.definitions()).filter((f) => f.active);

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

      for (let before: number | null = null; ;) {
        const ids = await services.users.matchingIds(query, filter, before, PAGE);
        if (ids.length === 0) break;
        const [users, identities, tags, values] = await Promise.all([
          services.users.byIds(ids),
          services.users.identitiesOf(ids),
          services.users.tagsOf(ids),
          services.fieldValues.valuesOf(ids),
        ]);
        const orgIds = [...new Set(users.map((u) => u.organizationId).filter((id): id is number => id !== null))];
        const orgs = new Map((await services.organizations.byIds(orgIds)).map((o) => [o.id, o.name]));
        const byId = new Map(users.map((u) => [u.id, u]));
        const idsOf = new Map<number, typeof identities>();
        for (const i of identities) idsOf.set(i.userId, [...(idsOf.get(i.userId) ?? []), i]);
        const tagsOf = new Map<number, string[]>();
        for (const t of tags) tagsOf.set(t.userId, [...(tagsOf.get(t.userId) ?? []), t.tag]);
        let chunk = '';
        ids.forEach((id, i) => {
          const u = byId.get(id);
          if (!u) return; // deleted since the ids were read
          const mine = idsOf.get(id) ?? [];
          const emails = mine.filter((x) => x.type === 'EMAIL');
          const phones = mine.filter((x) => x.type === 'PHONE');
          const primaryEmail = emails.find((x) => x.primary)?.value ?? u.primaryEmail ?? '';
          const primaryPhone = u.phone ?? phones.find((x) => x.primary)?.value ?? '';
          const row: Record<string, string> = {
            name: u.name,
            email: primaryEmail,
            emails: emails
              .map((x) => x.value)
              .filter((v) => v !== primaryEmail)
              .join('|'),
            external_id: u.externalId ?? '',
            phone: primaryPhone,
            phones: phones
              .map((x) => x.value)
              .filter((v) => v !== primaryPhone)
              .join('|'),
            role: u.role,
            organization: u.organizationId === null ? '' : (orgs.get(u.organizationId) ?? ''),
            tags: (tagsOf.get(id) ?? []).join(' '),
            time_zone: u.timeZone ?? '',
            locale: u.locale ?? '',
            alias: u.alias ?? '',
            details: u.details ?? '',
            notes: u.notes ?? '',
            verified: String(u.verified),
            suspended: String(u.suspended),
          };
          chunk += csvRecord([...USER_COLUMNS.map((c) => row[c]), ...fields.map((f) => (values[i].get(f.id) ?? []).map((v) => v.value).join(';'))]);
        });
        await written(res, chunk);
        before = ids[ids.length - 1];
        if (ids.length < PAGE) break;
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
