import { listen, loadConfig } from '@parcours/service-kit';
import { buildApp } from './app.ts';
import { mediationConfigSchema } from './config.ts';

const config = loadConfig(mediationConfigSchema);
const { app } = await buildApp({ config });
await listen(app, config);
