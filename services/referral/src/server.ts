import { listen, loadConfig } from '@parcours/service-kit';
import { buildApp } from './app.ts';
import { referralConfigSchema } from './config.ts';

const config = loadConfig(referralConfigSchema);
const { app } = await buildApp({ config });
await listen(app, config);
