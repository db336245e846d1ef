import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import CustomersPage from './users/CustomersPage.vue';
import UserProfilePage from './users/UserProfilePage.vue';
import NotFoundPage from './layout/NotFoundPage.vue';

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/customers' },
  { path: '/customers', name: 'customers', component: CustomersPage },
  { path: '/users/:id', name: 'user', component: UserProfilePage, props: true },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundPage },
];

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
}
