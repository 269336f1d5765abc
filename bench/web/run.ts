// The web application as a person meets it: how much JavaScript the helpline page loads, how long
// a recorded call takes to show its confirmation, how long a proposal takes to appear in an open
// inbox and to change an open dashboard's figure. `node bench/web/run.ts [calls=50] [proposals=20]`
// (the dashboard counts as many proposals as the inbox); writes bench/web/REPORT.md.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { resolveStack } from '@parcours/testing';
import { figureShows, launchBrowser } from '../../services/web/src/testing/browser.ts';
import { buildWebApp } from '../../services/web/src/testing/build.ts';
import { callBody, typeCall } from '../../services/web/src/testing/journeys.ts';
import { startWebStack } from '../../services/web/src/testing/stack.ts';

const calls = Number(process.argv[2] ?? 50);
const proposals = Number(process.argv[3] ?? 20);
const servers = await resolveStack();
process.env['DATABASE_URL'] ??= servers.databaseUrl;
process.env['REDIS_URL'] ??= servers.redisUrl;
process.env['KAFKA_BROKERS'] ??= servers.kafkaBrokers.join(',');

await buildWebApp();
// The machine may be shared: its load at the start and the end goes with the figures.
const loadAtStart = loadavg()[0]!;

const stack = await startWebStack();
const browser = await launchBrowser();
type Context = Awaited<ReturnType<typeof browser.newContext>>;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
};
const ms = (value: number) => `${Math.round(value)} ms`;

async function signedIn(user: string): Promise<Context> {
  const context = await browser.newContext({
    baseURL: stack.baseUrl,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 720 },
  });
  const response = await context.request.post('/auth/dev/sign-in', {
    data: { user },
    headers: { origin: stack.baseUrl },
  });
  if (!response.ok()) throw new Error(`sign-in ${user}: ${response.status()}`);
  return context;
}

// 1. Initial JavaScript of the helpline page: a signed-in listener opens /helpline/call, cold cache.
const listener = await signedIn('helpline');
const page = await listener.newPage();
const scripts: { url: string; raw: number; gzip: number }[] = [];
page.on('response', async (response) => {
  if (response.request().resourceType() !== 'script') return;
  const body = await response.body();
  scripts.push({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body).length });
});
await page.goto('/helpline/call');
await page.getByLabel('Nom', { exact: true }).waitFor();
await page.waitForLoadState('networkidle');
const jsRaw = scripts.reduce((sum, s) => sum + s.raw, 0);
const jsGzip = scripts.reduce((sum, s) => sum + s.gzip, 0);

// 2. Submitting a call → its confirmation on screen (Ctrl+Enter to the "Dossier n°" of this call).
const submits: number[] = [];
let previous = '';
for (let i = 0; i < calls; i++) {
  await typeCall(page, {
    lastName: `Bench${i}`,
    firstName: 'Alix',
    birthDate: '1984-02-29',
    postcode: '75017',
  });
  const started = performance.now();
  await page.keyboard.press('Control+Enter');
  const text = await page
    .getByRole('status')
    .filter({ hasText: 'Dossier n°' })
    .filter({ hasNotText: previous || '\u0000' })
    .textContent();
  submits.push(performance.now() - started);
  previous = /Dossier n° (\S+)/.exec(text ?? '')?.[1] ?? '';
}

// 3. A proposal → the row in an inbox already open (Kafka → Redis → SSE → refetch → render).
const caseworker = await signedIn('caseworker');
const inbox = await caseworker.newPage();
await inbox.goto('/inbox');
await inbox.getByRole('heading', { name: 'Orientations du bureau' }).waitFor();
const csrf = ((await (await listener.request.get('/auth/session')).json()) as { csrf: string }).csrf;
const appear: number[] = [];
const fromCall: number[] = [];
for (let i = 0; i < proposals; i++) {
  const sent = Date.now();
  const response = await listener.request.post('/api/intake/intakes/helpline-calls', {
    data: callBody({ lastName: `Live${i}` }),
    headers: { 'x-csrf-token': csrf, origin: stack.baseUrl, 'idempotency-key': crypto.randomUUID() },
  });
  const { caseId } = (await response.json()) as { caseId: string };
  await inbox.getByRole('link', { name: `Ouvrir ${caseId.slice(0, 8)}` }).waitFor({ timeout: 30_000 });
  const seen = Date.now();
  const items = (await (await caseworker.request.get(`/api/referral/cases/${caseId}/referrals`)).json()) as {
    items: { proposedAt: string }[];
  };
  appear.push(seen - Date.parse(items.items[0]!.proposedAt));
  fromCall.push(seen - sent);
}

// 4. A proposal → the figure of an office dashboard already open (Kafka → projections → Redis →
// SSE → refetch → render): its referrals waiting, one more each time.
const manager = await signedIn('office-manager');
const dashboard = await manager.newPage();
await dashboard.goto('/dashboard');
await dashboard.getByText('En direct', { exact: true }).waitFor();
// The proposals above still on their way to the projections would count as this section's: start
// once the office's figure holds still for a second, as the page shows it.
const waitingNow = async () =>
  (
    (await (await manager.request.get('/api/projections/offices/office-75-bav/dashboard')).json()) as {
      referrals: { waiting: number };
    }
  ).referrals.waiting;
let waiting = await waitingNow();
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const again = await waitingNow();
  if (again === waiting) break;
  waiting = again;
}
await figureShows(dashboard, 'waiting', waiting, 30_000);
const onDashboard: number[] = [];
const dashboardFromCall: number[] = [];
for (let i = 0; i < proposals; i++) {
  const sent = Date.now();
  const response = await listener.request.post('/api/intake/intakes/helpline-calls', {
    data: callBody({ lastName: `Dashboard${i}` }),
    headers: { 'x-csrf-token': csrf, origin: stack.baseUrl, 'idempotency-key': crypto.randomUUID() },
  });
  const { caseId } = (await response.json()) as { caseId: string };
  waiting += 1;
  await figureShows(dashboard, 'waiting', waiting, 30_000);
  const seen = Date.now();
  const items = (await (await manager.request.get(`/api/referral/cases/${caseId}/referrals`)).json()) as {
    items: { proposedAt: string }[];
  };
  onDashboard.push(seen - Date.parse(items.items[0]!.proposedAt));
  dashboardFromCall.push(seen - sent);
}

await browser.close();
await stack.close();

const submit = summary(submits);
const live = summary(appear);
const endToEnd = summary(fromCall);
const dashboardLive = summary(onDashboard);
const dashboardEndToEnd = summary(dashboardFromCall);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
const load = `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
const report = `# Web bench (${new Date().toISOString().slice(0, 10)}; ${machine})

\`node bench/web/run.ts ${calls} ${proposals}\`: the production build, the whole system in one process
(services/web/src/testing/stack.ts: intake, referral, follow-up, mediation, projections, web BFF on the real
PostgreSQL, Redis, Kafka),
Debian's Chromium headless at 1280×720 in its own process, on the same 2 cores (${load}).

| figure | value | target |
|---|---|---|
| initial JavaScript of the helpline page, gzipped (${scripts.length} files) | ${(jsGzip / 1024).toFixed(1)} KiB (${(jsRaw / 1024).toFixed(0)} KiB raw) | ≤ 250 KB |
| submitting a call → confirmation on screen, ${submit.n} calls | p50 ${ms(submit.p50)}, p95 ${ms(submit.p95)}, max ${ms(submit.max)} | p95 < 300 ms |
| referral proposed → row in an open inbox, ${live.n} proposals | p50 ${ms(live.p50)}, p95 ${ms(live.p95)}, max ${ms(live.max)} | < 1 s |
| call recorded (HTTP) → row in an open inbox | p50 ${ms(endToEnd.p50)}, p95 ${ms(endToEnd.p95)}, max ${ms(endToEnd.max)} | |
| event → dashboard figure on screen: referral proposed → its office's "waiting" on a dashboard already open, ${dashboardLive.n} proposals | p50 ${ms(dashboardLive.p50)}, p95 ${ms(dashboardLive.p95)}, max ${ms(dashboardLive.max)} | < 1 s |
| call recorded (HTTP) → the same figure | p50 ${ms(dashboardEndToEnd.p50)}, p95 ${ms(dashboardEndToEnd.p95)}, max ${ms(dashboardEndToEnd.max)} | |

Scripts of the helpline page (gzip -6 of each body):

${scripts.map((s) => `- \`${s.url}\`: ${(s.gzip / 1024).toFixed(1)} KiB`).join('\n')}
`;
writeFileSync('bench/web/REPORT.md', report);
process.stdout.write(report);
process.exit(0);
