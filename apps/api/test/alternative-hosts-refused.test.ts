/**
 * How a create with alternative hosts survives Zoom refusing them. Zoom's reference documents no error code
 * for it, so the simulator's 1114 is one shape; any other 400 must not cost the interview its meeting either.
 */
import { withAlternativeHosts, ZOOM_INVALID_ALTERNATIVE_HOST } from '../src/domain/meetings/alternative-hosts';
import { ZoomFailure } from '../src/domain/ports/zoom-failure';

const ada = { interviewerId: 'ada', email: 'ada@corp.example' };
const bob = { interviewerId: 'bob', email: 'bob@elsewhere.example' };

function refusal(zoomCode: number, message: string): ZoomFailure {
  return new ZoomFailure({ kind: 'invalid_request', status: 400, zoomCode, message, operation: 'createMeeting' });
}

test('a refusal naming one member drops that member only, and the meeting is made with the other as alternative host', async () => {
  const sent: string[][] = [];
  const result = await withAlternativeHosts([ada, bob], async (offered) => {
    sent.push(offered.map((member) => member.email));
    if (offered.includes(bob)) throw refusal(ZOOM_INVALID_ALTERNATIVE_HOST, 'Invalid alternative host: bob@elsewhere.example');
    return 'meeting';
  });
  expect(result).toEqual({ value: 'meeting', alternativeHostIds: ['ada'] });
  expect(sent).toEqual([['ada@corp.example', 'bob@elsewhere.example'], ['ada@corp.example']]);
});

test('any other 400 while alternative hosts were offered is sent once more with none: the meeting is made, everyone else a panelist', async () => {
  const sent: number[] = [];
  const result = await withAlternativeHosts([ada, bob], async (offered) => {
    sent.push(offered.length);
    if (offered.length > 0) throw refusal(3000, 'Alternative host is not valid for this account');
    return 'meeting';
  });
  expect(result).toEqual({ value: 'meeting', alternativeHostIds: [] });
  expect(sent).toEqual([2, 0]);
});

test('a 400 that has nothing to do with alternative hosts still fails, after one try without them', async () => {
  let calls = 0;
  const failing = withAlternativeHosts([ada], async () => {
    calls += 1;
    throw refusal(300, 'Invalid field');
  });
  await expect(failing).rejects.toMatchObject({ kind: 'invalid_request', zoomCode: 300 });
  expect(calls).toBe(2);
});

test('Zoom being unavailable is not a refusal: thrown at once, alternative hosts kept for the retry', async () => {
  let calls = 0;
  const failing = withAlternativeHosts([ada], async () => {
    calls += 1;
    throw new ZoomFailure({ kind: 'unavailable', status: 503, message: 'Service unavailable', operation: 'createMeeting' });
  });
  await expect(failing).rejects.toMatchObject({ kind: 'unavailable' });
  expect(calls).toBe(1);
});
