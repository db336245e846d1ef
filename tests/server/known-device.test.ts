import { describe, expect, it } from 'vitest';
import { deviceEntry, knownDevice, KNOWN_DEVICE_DAYS } from '../../server/auth/known-device.js';
import { clientOf } from '../../server/auth/rate-limiter.js';

/** The pure parts of the lockout: the known-device proof and how client addresses are counted. */
describe('known-device entries', () => {
  const hash = 'scrypt$32768$8$1$c2FsdA$aGFzaA';
  const now = Date.UTC(2030, 0, 1);
  const day = 86_400_000;

  it('prove a sign-in to that account, with that password, within 30 days', () => {
    const entry = deviceEntry(7, hash, now);
    expect(knownDevice([entry], 7, hash, now + day)).toMatch(/^[0-9a-f]{32}$/);
    expect(knownDevice(['junk', entry], 7, hash, now + (KNOWN_DEVICE_DAYS - 1) * day)).not.toBeNull();
    expect(knownDevice([entry], 7, hash, now + (KNOWN_DEVICE_DAYS + 1) * day)).toBeNull();
    expect(knownDevice([entry], 8, hash, now)).toBeNull();
    expect(knownDevice([entry], 7, `${hash}x`, now)).toBeNull();
    expect(knownDevice([entry.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))], 7, hash, now)).toBeNull();
    // An entry for another account, re-labelled, does not pass.
    expect(knownDevice([entry.replace(/^7\./, '8.')], 8, hash, now)).toBeNull();
    // Issued in the future (a forged clock) does not pass either.
    expect(knownDevice([deviceEntry(7, hash, now + day)], 7, hash, now)).toBeNull();
  });
});

describe('clientOf', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s counts as %s', (ip, client) => {
    expect(clientOf(ip)).toBe(client);
  });
});
