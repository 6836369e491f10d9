import { createHash } from 'node:crypto';
import { Router } from 'express';
import { formatZoomUtc } from '../meeting-time';
import type { SimulatedZoomUser } from '../simulated-zoom-user';
import type { SimulatorState } from '../state/simulator-state';
import { resolveTargetUser } from './access-control';
import { principalWithScope } from './bearer-auth';
import { baseUrlOf, requestContext } from './request-context';

export function usersRouter(state: SimulatorState): Router {
  const router = Router();

  router.get('/users/:userId', (req, res) => {
    const endpoint = req.params.userId === 'me' ? 'users.me' : 'users.get';
    const principal = principalWithScope(res, endpoint);
    if (!principal) return;
    const target = resolveTargetUser(state, principal, req.params.userId);
    if (!target.ok) return void res.status(target.status).json(target.body);
    requestContext(res).details.zoomUserId = target.value.id;
    res.json(toZoomUser(state, target.value, baseUrlOf(req)));
  });

  return router;
}

function toZoomUser(state: SimulatorState, user: SimulatedZoomUser, baseUrl: string) {
  const isOwner = state.users.ownerOf(user.accountId)?.id === user.id;
  const pmi = stableNumber(user.id, 1_000_000_000, 9_999_999_999);
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: `${user.firstName} ${user.lastName}`,
    email: user.email,
    type: 2,
    role_name: isOwner ? 'Owner' : 'Member',
    pmi,
    use_pmi: false,
    personal_meeting_url: `${baseUrl}/j/${pmi}`,
    timezone: user.timezone,
    verified: 1,
    dept: '',
    created_at: '2023-01-09T15:04:05Z',
    last_login_time: formatZoomUtc(state.now()),
    last_client_version: '5.17.11.34827(mac)',
    language: 'en-US',
    phone_number: '',
    status: 'active',
    role_id: isOwner ? '0' : '2',
    account_id: user.accountId,
    account_number: stableNumber(user.accountId, 100_000_000, 999_999_999),
    cluster: 'us06',
    user_created_at: '2023-01-09T15:04:05Z',
  };
}

/** Same input, same number: PMIs and account numbers stay put across runs. */
function stableNumber(seed: string, min: number, max: number): number {
  const hash = createHash('sha256').update(seed).digest().readUIntBE(0, 6);
  return min + (hash % (max - min + 1));
}
