// JWTs as djangorestframework-simplejwt makes them: HS256, claims token_type, exp, iat, jti, user_id.
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { newId } from '../../src-shared/domain/ids.js';

export type TokenType = 'access' | 'refresh';

/** Verified tokens remembered (then forgotten all at once): ~300 bytes each. */
const VERIFIED_TOKENS_KEPT = 10_000;

const claimsSchema = z.object({
  token_type: z.enum(['access', 'refresh']),
  user_id: z.string().min(1),
  jti: z.string().min(1),
  exp: z.number().int(),
  iat: z.number().int(),
});
export type TokenClaims = z.infer<typeof claimsSchema>;

export class TokenError extends Error {
  override name = 'TokenError';
}

export interface TokenServiceOptions {
  secret: string;
  accessLifetimeMs: number;
  refreshLifetimeMs: number;
  now?: () => number;
}

export class TokenService {
  private readonly key: Uint8Array;
  private readonly options: TokenServiceOptions;

  constructor(options: TokenServiceOptions) {
    this.options = options;
    this.key = new TextEncoder().encode(options.secret);
  }

  private nowSeconds(): number {
    return Math.floor((this.options.now?.() ?? Date.now()) / 1000);
  }

  async issue(userId: string, type: TokenType): Promise<{ token: string; claims: TokenClaims }> {
    const iat = this.nowSeconds();
    const lifetime = type === 'access' ? this.options.accessLifetimeMs : this.options.refreshLifetimeMs;
    const claims: TokenClaims = {
      token_type: type,
      user_id: userId,
      jti: newId(),
      iat,
      exp: iat + Math.max(1, Math.floor(lifetime / 1000)),
    };
    const token = await new SignJWT({ token_type: claims.token_type, user_id: claims.user_id })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(claims.iat)
      .setExpirationTime(claims.exp)
      .setJti(claims.jti)
      .sign(this.key);
    return { token, claims };
  }

  async issuePair(userId: string): Promise<{ access: string; refresh: string }> {
    const [access, refresh] = await Promise.all([
      this.issue(userId, 'access'),
      this.issue(userId, 'refresh'),
    ]);
    return { access: access.token, refresh: refresh.token };
  }

  /**
   * Claims of tokens whose signature has been checked, by token text: a client sends the same access token
   * with every request for its lifetime, and the HMAC check (WebCrypto, asynchronous) cost ~4 % of the
   * API's CPU under load. A signature's validity depends only on the text and the key; expiry and type are
   * still checked on every use.
   */
  private readonly verified = new Map<string, TokenClaims>();

  /** The claims of a valid, unexpired token (of `type` when given); TokenError otherwise. */
  async verify(token: string, type?: TokenType): Promise<TokenClaims> {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp <= this.nowSeconds()) {
        this.verified.delete(token);
        throw new TokenError('Token is invalid or expired');
      }
      if (type && known.token_type !== type) throw new TokenError('Token has wrong type');
      return known;
    }
    const claims = await this.verifySignature(token);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.clear();
    this.verified.set(token, claims);
    if (type && claims.token_type !== type) throw new TokenError('Token has wrong type');
    return claims;
  }

  private async verifySignature(token: string): Promise<TokenClaims> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        currentDate: new Date(this.nowSeconds() * 1000),
      }));
    } catch {
      throw new TokenError('Token is invalid or expired');
    }
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) throw new TokenError('Token has no id');
    return parsed.data;
  }
}
