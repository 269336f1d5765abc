import { listen, loadConfig } from '@parcours/service-kit';
import { buildApp } from './app.ts';
import { webConfigSchema } from './config.ts';

const config = loadConfig(webConfigSchema);
await listen(await buildApp({ config }), config);
