import { z } from "zod";
import type { Logger } from "../../core/action.ts";
import { HttpClient, HttpError, type Method } from "../../core/http.ts";

export const DEFAULT_ATLAS_URL = "https://cloud.mongodb.com";
/** The Admin API v2 picks its resource version from the dated Accept header. */
export const ATLAS_ACCEPT = "application/vnd.atlas.2025-03-12+json";
const USER_AGENT = "production-rollback-database-restore/1.0 (+https://github.com/features/actions)";
/** Renew this long before the token's own expiry, so a request never carries a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

export interface AtlasClientOptions {
  clientId: string;
  clientSecret: string;
  baseUrl?: string;
  logger?: Logger;
  /** Told every credential form it sends (the Basic header, each access token) so the runner masks it. */
  onSecret?: (value: string) => void;
  /** Overrides for timeouts and retries (tests). */
  http?: { timeoutMs?: number; retries?: number; backoffBaseMs?: number };
}

// Atlas's error body (Admin API v2 "Errors"): {error, errorCode, detail, reason, parameters}.
const errorBody = z
  .object({ errorCode: z.string().optional(), detail: z.string().optional(), reason: z.string().optional() })
  .loose();
const tokenBody = z.object({
  access_token: z.string(),
  expires_in: z.number(),
  token_type: z.string().optional(),
});

function details(body: unknown) {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const { errorCode, detail, reason } = parsed.data;
  return {
    code: errorCode,
    message: [detail, reason && `(${reason})`].filter(Boolean).join(" ") || undefined,
  };
}

/**
 * The Atlas Admin API v2 with a service account: OAuth client credentials (`POST /api/oauth/token`,
 * Basic id:secret), the access token cached for its lifetime and fetched again on expiry or a 401.
 */
export class AtlasClient {
  private readonly api: HttpClient;
  private readonly auth: HttpClient;
  private readonly basic: string;
  private readonly onSecret: (value: string) => void;
  readonly logger: Logger;
  private cached: { token: string; until: number } | undefined;
  /** Access tokens fetched: one per run unless one expires or is refused. */
  tokensFetched = 0;

  constructor(options: AtlasClientOptions) {
    const base = (options.baseUrl ?? DEFAULT_ATLAS_URL).replace(/\/+$/, "");
    this.logger = options.logger ?? { info: () => {}, warn: () => {}, debug: () => {} };
    this.onSecret = options.onSecret ?? (() => {});
    this.basic = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;
    this.onSecret(this.basic);
    const common = {
      platform: "Atlas",
      errorDetails: details,
      onRetry: ({ attempt, delayMs, reason }: { attempt: number; delayMs: number; reason: string }) =>
        this.logger.info(
          `Atlas API: ${reason}, retrying in ${Math.round(delayMs / 100) / 10}s (retry ${attempt})`,
        ),
      ...options.http,
    };
    this.api = new HttpClient({
      baseUrl: `${base}/api/atlas/v2`,
      headers: { accept: ATLAS_ACCEPT, "user-agent": USER_AGENT },
      ...common,
    });
    this.auth = new HttpClient({ baseUrl: base, headers: { "user-agent": USER_AGENT }, ...common });
  }

  get requestCount(): number {
    return this.api.requestCount + this.auth.requestCount;
  }

  private pending: Promise<string> | undefined;

  /** The cached token, or one fetch shared by every call waiting for it (parallel reads ask once). */
  private token(): Promise<string> {
    if (this.cached && Date.now() < this.cached.until) return Promise.resolve(this.cached.token);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const response = await this.auth.request({
      method: "POST",
      path: "/api/oauth/token",
      headers: { authorization: this.basic, accept: "application/json" },
      form: { grant_type: "client_credentials" },
      schema: tokenBody,
      // Issuing a token changes nothing: safe to ask again.
      safeToRetry: true,
    });
    this.tokensFetched++;
    const { access_token: token, expires_in: seconds } = response.data;
    this.onSecret(token);
    this.cached = { token, until: Date.now() + Math.max(0, seconds * 1000 - EXPIRY_MARGIN_MS) };
    return token;
  }

  /**
   * One Admin API call. A 401 means the token was refused before anything happened (expired or revoked):
   * a fresh token is fetched and the call sent once more, mutation or not.
   */
  async request<T>(method: Method, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.token();
      try {
        const response = await this.api.request({
          method,
          path,
          body,
          schema,
          headers: { authorization: `Bearer ${token}` },
        });
        return response.data;
      } catch (error) {
        if (!(error instanceof HttpError && error.status === 401) || attempt > 0) throw error;
        this.logger.info("Atlas refused the access token (expired or revoked); fetching a new one.");
        this.cached = undefined;
      }
    }
  }
}
