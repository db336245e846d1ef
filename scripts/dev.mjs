// `npm run dev`: the API with reload on change (tsx watch, port 4000) and Vite
// with hot reload for the admin app (port 5173, proxying /graphql to the API).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const children = [
  spawn(bin('tsx'), ['watch', 'server/main.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: process.env.PORT ?? '4000' } }),
  spawn(bin('vite'), ['--config', 'vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ACCUEIL_API: `http://localhost:${process.env.PORT ?? '4000'}` },
  }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && stop());
