import { createRouter, createWebHistory, START_LOCATION, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import type { Auth } from './auth/auth';
import { HOME, safeNext } from './auth/next';
import { onUnauthenticated } from './graphql/client';
declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in, and drawn without the sidebar and top bar. */
    public?: boolean;
    /** Agents and admins only: end users are sent to their own profile. */
    staff?: boolean;
  }
}

// Every page is its own chunk, loaded when first visited: the first load
// carries only the shell (sidebar, top bar, the add dialogs) and sign-in.
const CustomersPage = () => import('./users/CustomersPage.vue');
const UserProfilePage = () => import('./users/UserProfilePage.vue');
const OrganizationsPage = () => import('./organizations/OrganizationsPage.vue');
const OrganizationPage = () => import('./organizations/OrganizationPage.vue');
const MyProfilePage = () => import('./auth/MyProfilePage.vue');
const ChangePasswordPage = () => import('./auth/ChangePasswordPage.vue');
const ApiTokensPage = () => import('./tokens/ApiTokensPage.vue');
const UserFieldsPage = () => import('./fields/UserFieldsPage.vue');
const TicketsPage = () => import('./tickets/TicketsPage.vue');
const NewTicketPage = () => import('./tickets/NewTicketPage.vue');
const TicketPage = () => import('./tickets/TicketPage.vue');
const RequestFormPage = () => import('./tickets/RequestFormPage.vue');
const CustomerListPage = () => import('./lists/CustomerListPage.vue');
const ImportsPage = () => import('./imports/ImportsPage.vue');
const DeletedCustomersPage = () => import('./users/deleted/DeletedCustomersPage.vue');
const NotFoundPage = () => import('./layout/NotFoundPage.vue');
const SignInPage = () => import('./auth/SignInPage.vue');

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: HOME },
  { path: '/sign-in', name: 'sign-in', component: SignInPage, meta: { public: true } },
  { path: '/customers', name: 'customers', component: CustomersPage, meta: { staff: true } },
  { path: '/customers/deleted', name: 'deleted-customers', component: DeletedCustomersPage, meta: { staff: true } },
  { path: '/users/:id', name: 'user', component: UserProfilePage, props: true, meta: { staff: true } },
  { path: '/lists/:id', name: 'customer-list', component: CustomerListPage, props: true, meta: { staff: true } },
  { path: '/organizations', name: 'organizations', component: OrganizationsPage, meta: { staff: true } },
  {
    path: '/organizations/:id',
    name: 'organization',
    component: OrganizationPage,
    props: true,
    meta: { staff: true },
  },
  { path: '/tickets', name: 'tickets', component: TicketsPage, meta: { staff: true } },
  { path: '/tickets/new', name: 'new-ticket', component: NewTicketPage, meta: { staff: true } },
  { path: '/tickets/:id', name: 'ticket', component: TicketPage, props: true, meta: { staff: true } },
  // The public Submit a request page: no sign-in, no admin shell.
  { path: '/requests/new', name: 'submit-request', component: RequestFormPage, meta: { public: true } },
  { path: '/account/profile', name: 'my-profile', component: MyProfilePage },
  { path: '/account/password', name: 'change-password', component: ChangePasswordPage },
  // Admins only; the page itself tells others they have no access.
  { path: '/settings/api-tokens', name: 'api-tokens', component: ApiTokensPage },
  { path: '/settings/user-fields', name: 'user-fields', component: UserFieldsPage, meta: { staff: true } },
  { path: '/settings/imports', name: 'imports', component: ImportsPage },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundPage },
];

export function createAppRouter(auth: Auth, history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });

  router.beforeEach(async (to) => {
    let viewer;
    try {
      viewer = await auth.ensureLoaded();
    } catch {
      // The server could not say who is signed in: the shell shows a retry.
      return true;
    }
    if (to.name === 'sign-in') return viewer ? safeNext(to.query.next) : true;
    if (to.meta.public) return true;
    if (!viewer) {
      return { name: 'sign-in', query: to.fullPath === HOME ? {} : { next: to.fullPath } };
    }
    // Staff (who may list users) work in the admin app; end users have their own profile page.
    const staff = auth.can.value.listUsers;
    if (to.meta.staff && !staff) return { name: 'my-profile' };
    if (to.name === 'my-profile' && staff) return `/users/${viewer.id}`;
    return true;
  });

  // A session that ended (signed out elsewhere, expired, password changed on
  // another device): back to sign-in, then to where the person was.
  onUnauthenticated(() => {
    auth.signedOut();
    const current = router.currentRoute.value;
    if (current === START_LOCATION || current.meta.public) return;
    void router.push({ name: 'sign-in', query: { next: current.fullPath } });
  });

  return router;
}
