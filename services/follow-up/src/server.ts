import { listen, loadConfig } from '@parcours/service-kit';
import { buildApp } from './app.ts';
import { followUpConfigSchema } from './config.ts';

const config = loadConfig(followUpConfigSchema);
const { app } = await buildApp({ config });
await listen(app, config);
