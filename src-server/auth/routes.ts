// POST /api/token/ (+ refresh/, verify/, blacklist/): simplejwt-compatible JWT endpoints, with lock-out.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../db/schema/users.js';
import { withTransaction } from '../db/transaction.js';
import { ApiError } from '../http/errors.js';
import type { AppContext, RouteModule } from '../http/types.js';
import { phoneNumberField } from '../http/fields.js';
import { dummyHash, verifySecret } from './passwords.js';
import { TokenError, type TokenClaims } from './tokens.js';

const NO_ACCOUNT = 'No active account found with the given credentials';
const tokenPair = z.object({ refresh: z.string(), access: z.string() });
const empty = z.object({});

const tokenInvalid = (detail = 'Token is invalid or expired') =>
  new ApiError(401, { detail, code: 'token_not_valid' });

async function verifyRefresh(ctx: AppContext, token: string): Promise<TokenClaims> {
  let claims: TokenClaims;
  try {
    claims = await ctx.tokens.verify(token, 'refresh');
  } catch (error) {
    if (error instanceof TokenError) throw tokenInvalid();
    throw error;
  }
  if (await ctx.blacklist.has(claims.jti)) throw tokenInvalid('Token is blacklisted');
  return claims;
}

/** Checks the password and books the outcome (failure count, lock-out, last login); the user's id or 401/429. */
async function authenticate(ctx: AppContext, phone: string, password: string): Promise<string> {
  const [user] = await ctx.db.select().from(users).where(eq(users.phoneNumber, phone)).limit(1);
  if (!user) {
    await verifySecret(password, await dummyHash()); // same time as a real check
    throw new ApiError(401, { detail: NO_ACCOUNT });
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    const seconds = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new ApiError(
      429,
      { detail: `Too many failed login attempts. Try again in ${seconds} seconds.` },
      { 'retry-after': String(seconds) },
    );
  }
  const ok = await verifySecret(password, user.passwordHash);
  if (!ok) {
    const { maxFailures, durationMs } = ctx.config.lockout;
    await withTransaction(ctx.db, async (tx) => {
      // Row lock: concurrent failures are all counted.
      const [locked] = await tx
        .select({ failedLogins: users.failedLogins })
        .from(users)
        .where(eq(users.id, user.id))
        .for('update');
      const failures = (locked?.failedLogins ?? 0) + 1;
      const lockOut = failures >= maxFailures;
      await tx
        .update(users)
        .set(
          lockOut
            ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + durationMs) }
            : { failedLogins: failures },
        )
        .where(eq(users.id, user.id));
    });
    throw new ApiError(401, { detail: NO_ACCOUNT });
  }
  if (!user.isActive) throw new ApiError(401, { detail: NO_ACCOUNT });
  await withTransaction(ctx.db, async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLogin: now })
      .where(eq(users.id, user.id));
  });
  return user.id;
}

export const authRoutes: RouteModule = (app, ctx) => {
  app.route({
    method: 'POST',
    url: '/api/token/',
    config: {
      permission: 'public',
      rateLimit: {
        max: ctx.config.rateLimit.loginMax,
        timeWindow: ctx.config.rateLimit.windowMs,
        keyGenerator: (r) => `login:${r.ip}`,
      },
    },
    schema: {
      summary: 'Obtain a token pair with phone number and password',
      tags: ['auth'],
      body: z.strictObject({ phone_number: phoneNumberField, password: z.string().min(1).max(200) }),
      response: { 200: tokenPair },
    },
    handler: async (request) => {
      const userId = await authenticate(ctx, request.body.phone_number, request.body.password);
      return ctx.tokens.issuePair(userId);
    },
  });

  app.route({
    method: 'POST',
    url: '/api/token/refresh/',
    config: { permission: 'public' },
    schema: {
      summary: 'A new access token for a refresh token (and a new refresh token when rotation is on)',
      tags: ['auth'],
      body: z.strictObject({ refresh: z.string().min(1) }),
      response: { 200: z.object({ access: z.string(), refresh: z.string().optional() }) },
    },
    handler: async (request) => {
      const claims = await verifyRefresh(ctx, request.body.refresh);
      const [user] = await ctx.db
        .select({ isActive: users.isActive })
        .from(users)
        .where(eq(users.id, claims.user_id))
        .limit(1);
      if (!user?.isActive) throw tokenInvalid('User is inactive or no longer exists');
      const access = (await ctx.tokens.issue(claims.user_id, 'access')).token;
      if (!ctx.config.rotateRefreshTokens) return { access };
      await ctx.blacklist.add(claims.jti, claims.user_id, new Date(claims.exp * 1000));
      return { access, refresh: (await ctx.tokens.issue(claims.user_id, 'refresh')).token };
    },
  });

  app.route({
    method: 'POST',
    url: '/api/token/verify/',
    config: { permission: 'public' },
    schema: {
      summary: 'Check that a token (access or refresh) is valid',
      tags: ['auth'],
      body: z.strictObject({ token: z.string().min(1) }),
      response: { 200: empty },
    },
    handler: async (request) => {
      let claims: TokenClaims;
      try {
        claims = await ctx.tokens.verify(request.body.token);
      } catch (error) {
        if (error instanceof TokenError) throw tokenInvalid();
        throw error;
      }
      if (claims.token_type === 'refresh' && (await ctx.blacklist.has(claims.jti))) {
        throw tokenInvalid('Token is blacklisted');
      }
      return {};
    },
  });

  app.route({
    method: 'POST',
    url: '/api/token/blacklist/',
    config: { permission: 'public' },
    schema: {
      summary: 'Log out: the refresh token can no longer be used',
      tags: ['auth'],
      body: z.strictObject({ refresh: z.string().min(1) }),
      response: { 200: empty },
    },
    handler: async (request) => {
      const claims = await verifyRefresh(ctx, request.body.refresh);
      await ctx.blacklist.add(claims.jti, claims.user_id, new Date(claims.exp * 1000));
      return {};
    },
  });
};
