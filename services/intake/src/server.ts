import { listen, loadConfig } from '@parcours/service-kit';
import { buildApp } from './app.ts';
import { intakeConfigSchema } from './config.ts';

const config = loadConfig(intakeConfigSchema);
const { app } = await buildApp({ config });
await listen(app, config);
