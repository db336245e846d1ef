import { createApp } from 'vue';
import App from './App.vue';
import { createAuth } from './auth/auth';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import './ui/styles/tokens.css';
import './ui/styles/base.css';
import './ui/styles/forms.css';
import './ui/styles/table.css';
import './ui/styles/popups.css';

const auth = createAuth();
createApp(App).use(createAppI18n()).use(auth).use(createAppRouter(auth)).mount('#app');
