import { addressSubject } from './request-checks';

describe('addressSubject', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:85a3:0042:1000:8a2e:370:7334', '2001:db8:85a3:42::/64'],
    ['2001:db8:85a3:42:ffff::1', '2001:db8:85a3:42::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [null, 'unknown'],
  ])('%s counts as %s', (ip, subject) => {
    expect(addressSubject(ip)).toBe(subject);
  });
});
