import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, chromiumPath } from './browser.ts';
import { distDir, startWebStack } from './stack.ts';

export interface WebStackInfo {
  baseUrl: string;
  intakeUrl: string;
  referralUrl: string;
  wsEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    webStack: WebStackInfo;
  }
}

const appDir = fileURLToPath(new URL('../../app', import.meta.url));

async function newestChange(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Builds the app when its sources changed since the last build (vite build takes a few seconds). */
async function buildIfStale() {
  const built = await stat(join(distDir, 'index.html')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built > (await newestChange(appDir))) return;
  const { build } = await import('vite');
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ configFile: join(appDir, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
}

/**
 * The e2e project's shared stack and browser, started once for every web e2e file of the run
 * (and not at all when the run has none): the whole system (stack.ts), routing 30 h behind so
 * urgent proposals arrive overdue, and one headless Chromium the files connect to.
 */
export default async function setup(project: TestProject) {
  const { testFiles } = await project.globTestFiles(project.vitest.config.filters);
  if (!testFiles.some((file) => file.includes('/services/web/'))) return;
  await buildIfStale();
  const stack = await startWebStack({ routingLagMs: 30 * 3_600_000 });
  const browser = await chromium.launchServer({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  project.provide('webStack', {
    baseUrl: stack.baseUrl,
    intakeUrl: stack.intakeUrl,
    referralUrl: stack.referralUrl,
    wsEndpoint: browser.wsEndpoint(),
  });
  return async () => {
    await browser.close();
    await stack.close();
  };
}
