// Who is signed in and what they may do. Asked once (`me` and `viewerCan`)
// when the app starts and again after sign-in, cleared by sign-out and by any
// answer saying the session is over. What the app shows follows `can`, the
// server's own rules: the client never repeats them.
import { inject, shallowRef, type App, type InjectionKey, type ShallowRef } from 'vue';
import { request } from '../graphql/client';
import type { ViewerAbilitiesFragment, ViewerFragment } from '../graphql/generated/graphql';
import { MeDocument } from './auth-operations';

export interface Auth {
  /** The signed-in person; null when nobody is (or before `me` answered). */
  readonly viewer: Readonly<ShallowRef<ViewerFragment | null>>;
  /** What the viewer may do in general (all false when nobody is signed in). */
  readonly can: Readonly<ShallowRef<ViewerAbilitiesFragment>>;
  /** Whether `me` has answered (or sign-in/sign-out settled who is there). */
  readonly known: Readonly<ShallowRef<boolean>>;
  /** `me` failed (server unreachable): who is signed in is not known. */
  readonly failed: Readonly<ShallowRef<boolean>>;
  /** Asks the server who is signed in, once; later calls reuse the answer. */
  ensureLoaded(): Promise<ViewerFragment | null>;
  /** Someone signed in: asks the server again who they are and what they may do. */
  signedIn(viewer: ViewerFragment): Promise<ViewerFragment | null>;
  signedOut(): void;
  /** The viewer's own details changed (e.g. their name on My profile). */
  update(changes: Partial<ViewerFragment>): void;
  install(app: App): void;
}

export const AUTH_KEY: InjectionKey<Auth> = Symbol('auth');

/** What nobody signed in may do. */
export const NOBODY_CAN: Readonly<ViewerAbilitiesFragment> = Object.freeze({
  changeOwnPassword: false,
  restoreUsers: false,
  eraseUsers: false,
  manageTeam: false,
  createStaff: false,
  createUsers: false,
  listUsers: false,
  manageApiTokens: false,
  manageOrganizations: false,
  manageUserFields: false,
  readOrganizations: false,
  readUserFields: false,
  shareCustomerLists: false,
  importUsers: false,
  emailUsers: false,
  readOutbox: false,
  manageWebhooks: false,
  manageSettings: false,
});

export function createAuth(): Auth {
  const viewer = shallowRef<ViewerFragment | null>(null);
  const can = shallowRef<ViewerAbilitiesFragment>(NOBODY_CAN);
  const known = shallowRef(false);
  const failed = shallowRef(false);
  let pending: Promise<ViewerFragment | null> | null = null;

  const auth: Auth = {
    viewer,
    can,
    known,
    failed,
    ensureLoaded() {
      if (known.value) return Promise.resolve(viewer.value);
      pending ??= request(MeDocument, {})
        .then((data) => {
          viewer.value = data.me;
          can.value = data.me ? data.viewerCan : NOBODY_CAN;
          known.value = true;
          failed.value = false;
          return data.me;
        })
        .catch((error: unknown) => {
          failed.value = true;
          throw error;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    signedIn(next) {
      viewer.value = next;
      known.value = false;
      return auth.ensureLoaded();
    },
    signedOut() {
      viewer.value = null;
      can.value = NOBODY_CAN;
      known.value = true;
      failed.value = false;
    },
    update(changes) {
      if (viewer.value) viewer.value = { ...viewer.value, ...changes };
    },
    install(app) {
      app.provide(AUTH_KEY, auth);
    },
  };
  return auth;
}

export function useAuth(): Auth {
  const auth = inject(AUTH_KEY);
  if (!auth) throw new Error('useAuth() needs the auth plugin (app.use(createAuth()))');
  return auth;
}
