import { createRouter, createWebHistory, START_LOCATION, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import type { Auth } from './auth/auth';
import { HOME, safeNext } from './auth/next';
import { onUnauthenticated } from './graphql/client';
declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in, and drawn without the sidebar and top bar. */
    public?: boolean;
    /** Agents and admins only: end users are sent to the help center. */
    staff?: boolean;
    /** A help-center page (its own layout): `signedIn` ones send visitors to the help center's sign-in. */
    help?: boolean;
    signedIn?: boolean;
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
const OutboxPage = () => import('./mail/OutboxPage.vue');
const WebhooksPage = () => import('./webhooks/WebhooksPage.vue');
const DeletedCustomersPage = () => import('./users/deleted/DeletedCustomersPage.vue');
const NotFoundPage = () => import('./layout/NotFoundPage.vue');
const SignInPage = () => import('./auth/SignInPage.vue');
const ForgotPasswordPage = () => import('./auth/ForgotPasswordPage.vue');
const StaffLinkPage = () => import('./auth/StaffLinkPage.vue');
const TeamPage = () => import('./team/TeamPage.vue');
const RegistrationSettingsPage = () => import('./settings/RegistrationSettingsPage.vue');
// The help center: its own layout and pages, never the admin shell.
const HelpLayout = () => import('./help/HelpLayout.vue');
const HelpSignInPage = () => import('./help/HelpSignInPage.vue');
const HelpSignUpPage = () => import('./help/HelpSignUpPage.vue');
const HelpResetPage = () => import('./help/HelpResetPage.vue');
const AccountLinkPage = () => import('./help/AccountLinkPage.vue');
const MyRequestsPage = () => import('./help/MyRequestsPage.vue');
const MyRequestPage = () => import('./help/MyRequestPage.vue');
const HelpSubmitPage = () => import('./help/HelpSubmitPage.vue');

const HELP = { public: true, help: true } as const;
const HELP_SIGNED_IN = { ...HELP, signedIn: true } as const;

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: HOME },
  { path: '/sign-in', name: 'sign-in', component: SignInPage, meta: { public: true } },
  // Staff's forgotten password and mailed links (an invitation, a reset): public, the sign-in page's layout.
  { path: '/forgot-password', name: 'forgot-password', component: ForgotPasswordPage, meta: { public: true } },
  {
    path: '/invitation/:token',
    name: 'invitation',
    component: StaffLinkPage,
    props: (to) => ({ token: to.params.token, invitation: true }),
    meta: { public: true },
  },
  { path: '/reset-password/:token', name: 'reset-password', component: StaffLinkPage, props: true, meta: { public: true } },
  { path: '/customers', name: 'customers', component: CustomersPage, meta: { staff: true } },
  { path: '/customers/deleted', name: 'deleted-customers', component: DeletedCustomersPage, meta: { staff: true } },
  { path: '/team', name: 'team', component: TeamPage, meta: { staff: true } },
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
  { path: '/settings/outbox', name: 'outbox', component: OutboxPage },
  { path: '/settings/webhooks', name: 'webhooks', component: WebhooksPage },
  { path: '/settings/registration', name: 'registration-settings', component: RegistrationSettingsPage, meta: { staff: true } },
  {
    path: '/help',
    component: HelpLayout,
    meta: HELP,
    children: [
      { path: '', redirect: { name: 'help-requests' } },
      { path: 'sign-in', name: 'help-sign-in', component: HelpSignInPage, meta: HELP },
      { path: 'sign-up', name: 'help-sign-up', component: HelpSignUpPage, meta: HELP },
      { path: 'reset', name: 'help-reset', component: HelpResetPage, meta: HELP },
      { path: 'reset/:token', name: 'help-reset-link', component: AccountLinkPage, props: true, meta: HELP },
      { path: 'requests', name: 'help-requests', component: MyRequestsPage, meta: HELP_SIGNED_IN },
      { path: 'requests/new', name: 'help-submit', component: HelpSubmitPage, meta: HELP_SIGNED_IN },
      { path: 'requests/:id', name: 'help-request', component: MyRequestPage, props: true, meta: HELP_SIGNED_IN },
    ],
  },
  {
    path: '/verify',
    component: HelpLayout,
    meta: HELP,
    children: [{ path: ':token', name: 'verify', component: AccountLinkPage, props: true, meta: HELP }],
  },
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
    // Staff (who may list users) work in the admin app; end users in the help center.
    const staff = auth.can.value.listUsers;
    if (to.name === 'sign-in') return viewer ? (staff ? safeNext(to.query.next) : { name: 'help-requests' }) : true;
    if (to.meta.help && to.meta.signedIn && !viewer) return { name: 'help-sign-in', query: { next: to.fullPath } };
    if (to.name === 'help-sign-in' && viewer) return staff ? HOME : { name: 'help-requests' };
    if (to.meta.public) return true;
    if (!viewer) {
      return { name: 'sign-in', query: to.fullPath === HOME ? {} : { next: to.fullPath } };
    }
    if (to.meta.staff && !staff) return { name: 'help-requests' };
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
