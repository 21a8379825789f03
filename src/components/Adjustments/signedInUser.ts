import { config } from '@grafana/runtime';
import { SignedInUser } from '../../domain/adjustments/adjustments';

/** The signed-in user as Grafana's boot data names them: who records and who approves. */
export function signedInUser(): SignedInUser {
  const user = config.bootData.user;
  return { login: user?.login || 'unknown', email: user?.email || undefined };
}
