import { describe, expect, it } from 'vitest';
import { domainsAligned, parseAuthenticationResults, senderProof } from '../../server/inbound/authentication-results.js';

const ID = 'mx.desk.example';

describe('Authentication-Results (RFC 8601)', () => {
  it('reads the shapes receiving servers write: comments, versions, quoted values, reasons, properties', () => {
    // Gmail's shape.
    expect(
      parseAuthenticationResults(
        'mx.google.com; dkim=pass header.i=@acme.io header.s=s1 header.b=Ab+c/d=; spf=pass (google.com: domain of ada@acme.io designates 192.0.2.1 as permitted sender) smtp.mailfrom=ada@acme.io; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=acme.io',
      ),
    ).toEqual({
      authservId: 'mx.google.com',
      results: [
        { method: 'dkim', result: 'pass', reason: null, properties: { 'header.i': '@acme.io', 'header.s': 's1', 'header.b': 'Ab+c/d=' } },
        { method: 'spf', result: 'pass', reason: null, properties: { 'smtp.mailfrom': 'ada@acme.io' } },
        { method: 'dmarc', result: 'pass', reason: null, properties: { 'header.from': 'acme.io' } },
      ],
    });
    // RFC 8601's own examples: a version, a reason, nested comments, upper case, spaces around "=" and ".", a quoted value.
    const rfc = parseAuthenticationResults(
      'example.com 1 (a (nested) comment); SPF = Pass (yes) SMTP . MailFrom = "odd;\\"value"; auth=pass reason="smtp auth ok" smtp.auth=sender@example.net; dkim/1=fail header.d=x.io',
    );
    expect(rfc).toEqual({
      authservId: 'example.com',
      results: [
        { method: 'spf', result: 'pass', reason: null, properties: { 'smtp.mailfrom': 'odd;"value' } },
        { method: 'auth', result: 'pass', reason: 'smtp auth ok', properties: { 'smtp.auth': 'sender@example.net' } },
        { method: 'dkim', result: 'fail', reason: null, properties: { 'header.d': 'x.io' } },
      ],
    });
    expect(parseAuthenticationResults('"quoted id"; none')).toEqual({ authservId: 'quoted id', results: [] });
    expect(parseAuthenticationResults('example.org; none')).toEqual({ authservId: 'example.org', results: [] });
  });

  it('gives null for a header off the grammar, and leaves out a resinfo that is', () => {
    for (const bad of [
      '',
      '   ',
      '; dkim=pass',
      'mx.desk.example',
      'mx.desk.example dkim=pass',
      'mx (unclosed; dkim=pass',
      'mx "open; dkim=pass',
      'mx) ; dkim=pass',
    ])
      expect(parseAuthenticationResults(bad), bad).toBeNull();
    // A resinfo without `method=result` is left out; one whose properties leave the grammar keeps its result
    // (a `dmarc=fail` must count) without properties (nothing is aligned on what could not be read).
    expect(parseAuthenticationResults('mx; dkim pass; spf=pass smtp.mailfrom=a@b.io; dmarc=pass stray; arc=pass header.d')).toEqual({
      authservId: 'mx',
      results: [
        { method: 'spf', result: 'pass', reason: null, properties: { 'smtp.mailfrom': 'a@b.io' } },
        { method: 'dmarc', result: 'pass', reason: null, properties: {} },
        { method: 'arc', result: 'pass', reason: null, properties: {} },
      ],
    });
    // A receiver's own words (Microsoft's `action=`, `compauth=`) are read past.
    expect(parseAuthenticationResults('mx; dmarc=fail action=quarantine header.from=acme.io; compauth=fail reason=000')?.results).toEqual([
      { method: 'dmarc', result: 'fail', reason: null, properties: { 'header.from': 'acme.io' } },
      { method: 'compauth', result: 'fail', reason: '000', properties: {} },
    ]);
  });

  it('aligns equal domains and parents with subdomains, never through a bare top-level domain', () => {
    expect(domainsAligned('acme.io', 'ACME.io.')).toBe(true);
    expect(domainsAligned('mail.acme.io', 'acme.io')).toBe(true);
    expect(domainsAligned('acme.io', 'eu.mail.acme.io')).toBe(true);
    expect(domainsAligned('notacme.io', 'acme.io')).toBe(false);
    expect(domainsAligned('acme.io', 'acme.io.evil.com')).toBe(false);
    expect(domainsAligned('io', 'acme.io')).toBe(false);
    expect(domainsAligned('io', 'io')).toBe(false);
    expect(domainsAligned('bücher.example', 'xn--bcher-kva.example')).toBe(true);
  });

  it('proves a From domain by dmarc, aligned dkim or aligned spf, from the desk’s own server only', () => {
    const proof = (headers: string[], from = 'acme.io', id: string | null = ID) => senderProof(headers, id, from);
    expect(proof([`${ID}; dmarc=pass header.from=acme.io`])).toEqual({ proven: true, method: 'dmarc' });
    expect(proof([`${ID.toUpperCase()}; dkim=pass header.d=mail.acme.io`])).toEqual({ proven: true, method: 'dkim' });
    expect(proof([`${ID}; dkim=pass header.i=ada@acme.io`])).toEqual({ proven: true, method: 'dkim' });
    expect(proof([`${ID}; spf=pass smtp.mailfrom=bounce@acme.io`])).toEqual({ proven: true, method: 'spf' });
    expect(proof([`${ID}; spf=pass smtp.mailfrom=acme.io`], 'support.acme.io')).toEqual({ proven: true, method: 'spf' });
    // Several instances of the desk's server (one per milter) count together.
    expect(proof([`${ID}; spf=fail smtp.mailfrom=acme.io`, `${ID}; dkim=pass header.d=acme.io`])).toMatchObject({ proven: true });

    // Not configured: nothing is ever proven.
    expect(proof([`${ID}; dmarc=pass header.from=acme.io`], 'acme.io', null)).toEqual({ proven: false, why: 'NOT_CONFIGURED' });
    // Another server's results, however good, are the sender's word.
    expect(proof(['mx.evil.example; dmarc=pass header.from=acme.io; dkim=pass header.d=acme.io'])).toEqual({
      proven: false,
      why: 'NO_TRUSTED_RESULTS',
    });
    expect(proof([`"${ID}x"; dkim=pass header.d=acme.io`, `x${ID}; dkim=pass header.d=acme.io`])).toMatchObject({ why: 'NO_TRUSTED_RESULTS' });
    expect(proof([])).toMatchObject({ why: 'NO_TRUSTED_RESULTS' });
    expect(proof([`${ID}; none`])).toMatchObject({ why: 'NO_TRUSTED_RESULTS' });
    // Passes for another domain, or results that are not passes, prove nothing.
    for (const h of [
      `${ID}; dkim=pass header.d=evil.example`,
      `${ID}; dkim=pass header.d=notacme.io`,
      `${ID}; dkim=pass header.d=io`,
      `${ID}; dkim=pass`,
      `${ID}; dkim=fail header.d=acme.io; spf=softfail smtp.mailfrom=acme.io; dmarc=none header.from=acme.io`,
      `${ID}; spf=pass smtp.mailfrom=x@evil.example; spf=pass smtp.helo=acme.io`,
      `${ID}; dmarc=pass header.from=evil.example`,
      `${ID}; dmarc=pass`,
      `${ID}; dmarc=pass header.from=mail.acme.io`,
      `${ID}; dkim=neutral header.d=acme.io; arc=pass header.d=acme.io`,
    ])
      expect(proof([h]), h).toEqual({ proven: false, why: 'NOT_ALIGNED' });
    // A DMARC failure written with words past the grammar still outweighs an aligned pass.
    expect(proof([`${ID}; dkim=pass header.d=acme.io; dmarc=fail action=quarantine header.from=acme.io (p=reject`])).toMatchObject({ proven: false });
    expect(proof([`${ID}; dkim=pass header.d=acme.io; dmarc=fail header.from=acme.io stray`])).toEqual({ proven: false, why: 'DMARC_FAILED' });
    // A DMARC failure outweighs a pass the same server reported.
    expect(proof([`${ID}; dkim=pass header.d=acme.io; dmarc=fail header.from=acme.io`])).toEqual({ proven: false, why: 'DMARC_FAILED' });
    // A forged header claiming the desk's id but off the grammar counts for nothing.
    expect(proof([`${ID} dkim=pass header.d=acme.io`])).toMatchObject({ why: 'NO_TRUSTED_RESULTS' });
  });
});
