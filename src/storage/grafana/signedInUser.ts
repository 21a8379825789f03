import { config } from '@grafana/runtime';
import { RegistryUser } from '../access';

/**
 * The signed-in user as the registry sees them: only the fields it reads from Grafana's
 * `bootData.user`. The rest of that object changes between Grafana versions (13 dropped
 * `regionalFormat`), so the plugin depends on these three and `npm run compat` checks them.
 */
export function signedInUser(): RegistryUser {
  const { login, orgRole, permissions } = config.bootData.user;
  return { login, orgRole, permissions };
}

/**
 * Who the signed-in user is, as business owners are recognised (login as a person's id, or email):
 * for approvals and sign-offs. `unknown` when Grafana names no login.
 */
export function signedInIdentity(): { login: string; email?: string } {
  const { login, email } = config.bootData.user;
  return { login: login || 'unknown', email: email || undefined };
}
