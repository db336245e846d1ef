import { createApp } from 'vue';
import App from './App.vue';
import { createAuth } from './auth/auth';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { installUnsavedChangesGuard } from './ui/form/unsaved-changes';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/forms.css';
import './ui/styles/table.css';
import './ui/styles/popups.css';

const auth = createAuth();
const i18n = createAppI18n();
const router = createAppRouter(auth);
installUnsavedChangesGuard(router);
createApp(App).use(i18n).use(auth).use(router).mount('#app');
