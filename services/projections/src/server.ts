import { listen, loadConfig } from '@parcours/service-kit';
import { buildApp } from './app.ts';
import { projectionsConfigSchema } from './config.ts';

const config = loadConfig(projectionsConfigSchema);
const { app } = await buildApp({ config });
await listen(app, config);
