// The admin shell's chunk, loaded when someone signed in reaches an admin page (tests preload it).
export const loadAdminShell = () => import('./AdminShell.vue');
