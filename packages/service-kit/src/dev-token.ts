/**
 * Prints a token of the local dev issuer, for curl:
 *   node packages/service-kit/src/dev-token.ts caseworker [--expires 8h] [--audience parcours]
 *   curl -H "authorization: Bearer $(node packages/service-kit/src/dev-token.ts caseworker)" ...
 * Services trust it when started with AUTH_DEV_ISSUER=true and the same AUTH_ISSUER/AUTH_AUDIENCE.
 */
import { parseArgs } from 'node:util';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer, type DevUserName, devUsers } from './auth/dev-issuer.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    expires: { type: 'string', default: '8h' },
    audience: { type: 'string', default: DEV_AUDIENCE },
    issuer: { type: 'string', default: DEV_ISSUER },
  },
});
const user = positionals[0];
if (!user || !(user in devUsers)) {
  process.stderr.write(
    `usage: dev-token.ts <user> [--expires 8h]\nusers: ${Object.keys(devUsers).join(', ')}\n`,
  );
  process.exit(2);
}
const issuer = await DevIssuer.shared({ issuer: values.issuer, audience: values.audience });
process.stdout.write(`${await issuer.sign(user as DevUserName, { expiresIn: values.expires })}\n`);
