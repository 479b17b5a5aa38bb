import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { newReceptionToken, signToken, verifyToken } from './token.js';

const secret = Buffer.alloc(32, 7);
const other = Buffer.alloc(32, 8);

describe('signed tokens', () => {
  test('round-trips a ticket id', () => {
    fc.assert(fc.property(fc.uuid(), (id) => {
      const token = signToken(secret, { kind: 't', id });
      expect(token).toHaveLength(40);
      expect(verifyToken(secret, token)).toEqual({ kind: 't', id });
    }));
  });
  test('rejects another secret, a changed kind, a changed character and garbage', () => {
    const id = '019abcde-0123-7456-89ab-0123456789ab';
    const token = signToken(secret, { kind: 't', id });
    expect(verifyToken(other, token)).toBeNull();
    expect(verifyToken(secret, 'r' + token.slice(1))).toBeNull();
    expect(verifyToken(secret, 'b' + token.slice(1))).toBeNull();
    expect(verifyToken(secret, signToken(secret, { kind: 'b', id }))).toEqual({ kind: 'b', id });
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    expect(verifyToken(secret, flipped)).toBeNull();
    expect(verifyToken(secret, 'abc')).toBeNull();
    expect(verifyToken(secret, token + 'x')).toBeNull();
  });
  test('reception tokens carry a fresh nonce', () => {
    const a = newReceptionToken(secret);
    const b = newReceptionToken(secret);
    expect(a.nonce).not.toBe(b.nonce);
    expect(verifyToken(secret, a.token)).toEqual({ kind: 'r', id: a.nonce });
  });
});
