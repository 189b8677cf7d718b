import { z } from 'zod';

const isDataKey = (v: string): boolean =>
  /^[A-Za-z0-9+/]+={0,2}$/.test(v.trim()) && Buffer.from(v.trim(), 'base64').length === 32;

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite: or postgres://')
    .default('sqlite:./data/liaison.db'),
  LIAISON_ADMIN_PASSWORD: z.string().min(8).optional(),
  LIAISON_DEMO_PASSWORD: z.string().min(8).optional(),
  /** default session lifetimes; the security admin's settings override them at run time */
  LIAISON_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LIAISON_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** set when served over TLS (directly or behind a proxy): Secure cookies, HSTS */
  LIAISON_TLS: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Which proxies may set X-Forwarded-For (so the client's address is the one audited and rate-limited):
   * `loopback` (a reverse proxy on the same host, the default), `0` (none: direct exposure), `1` (any — only
   * when every request surely passes a proxy), or a list of addresses / CIDR ranges.
   */
  LIAISON_TRUST_PROXY: z
    .string()
    .trim()
    .min(1)
    .default('loopback')
    .transform((v): boolean | string =>
      v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : v,
    ),
  /**
   * the algorithms written with: `intl` (AES-256-GCM, SHA-256, scrypt) or `gm` (商用密码: SM4-CTR + HMAC-SM3,
   * HMAC-SM3 audit chain, SM3 token digests, PBKDF2-HMAC-SM3 passwords). gm needs LIAISON_DATA_KEY and
   * LIAISON_AUDIT_KEY. Switch an existing database with `liaison crypto switch-to-gm` (docs/CRYPTO.md).
   */
  LIAISON_CRYPTO: z.enum(['intl', 'gm']).default('intl'),
  /**
   * 32 bytes, base64: the HMAC key of the audit trail — HMAC-SM3 of every chain entry in gm mode, and the MAC of
   * the chain-head anchors in both modes. Keep it apart from the database (like LIAISON_DATA_KEY); never rotate it
   * while gm entries are on the trail (they are verified with it).
   */
  LIAISON_AUDIT_KEY: z
    .string()
    .refine((v) => isDataKey(v), 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  /** new password hashes: `auto` (scrypt in intl mode, PBKDF2-HMAC-SM3 in gm mode), or either one forced */
  LIAISON_PASSWORD_HASH: z.enum(['auto', 'scrypt', 'pbkdf2-sm3']).default('auto'),
  /**
   * where `audit verify`, the sweep timer and each backup record the audit chain's head (id + hash), so removing
   * the newest entries is found; default LIAISON_BACKUP_DIR/audit-anchors.jsonl (unset and no backup dir: the
   * anchor is only logged)
   */
  LIAISON_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  /** 32 bytes, base64: phone numbers and TOTP secrets are stored encrypted (AES-256-GCM, or SM4 in gm mode) */
  LIAISON_DATA_KEY: z
    .string()
    .refine((v) => isDataKey(v), 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  /** the key before a rotation: still decrypts until `liaison data encrypt` has re-encrypted everything */
  LIAISON_DATA_KEY_PREVIOUS: z
    .string()
    .refine((v) => isDataKey(v), 'must be 32 bytes in base64')
    .optional(),
  /** sign-in attempts per minute from one address, and for one username (429 RATE_LIMITED beyond) */
  LIAISON_RATE_LOGIN_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  LIAISON_RATE_LOGIN_PER_USER: z.coerce.number().int().min(1).max(100_000).default(10),
  /** document and list exports (.docx / .xlsx) per minute per user */
  LIAISON_RATE_EXPORTS_PER_USER: z.coerce.number().int().min(1).max(100_000).default(20),
  /** scheduled backups: a directory, how often (hours; 0 = off) and how many to keep */
  LIAISON_BACKUP_DIR: z.string().min(1).optional(),
  LIAISON_BACKUP_EVERY_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 31)
    .default(0),
  LIAISON_BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
  LIAISON_WEB_DIST: z.string().default('dist/web'),
  /** hours a finished document job's result is kept for download (the sweep deletes older ones) */
  LIAISON_JOB_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24),
  /** on SIGTERM, seconds to let running document jobs finish before they are interrupted */
  LIAISON_SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(3600).default(20),
  /** a bearer token for GET /metrics (Prometheus); unset: /metrics answers 404 */
  LIAISON_METRICS_TOKEN: z.string().min(16).optional(),
  LIAISON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** where e-mail notifications go out: smtp://user:pass@host:587 or smtps://…:465; unset: no e-mail */
  LIAISON_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** the From of notification e-mail, e.g. "对口联系 <liaison@example.gov.cn>" */
  LIAISON_MAIL_FROM: z.string().min(3).default('对口联系 <liaison@localhost>'),
  /** the address users open the app at: links in e-mail are made absolute with it */
  LIAISON_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .default('http://localhost:3000'),
  /** how long an account activation or reset code stays valid, in hours */
  LIAISON_ACTIVATION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  /** how often this instance runs the reminder sweep and sends e-mail; 0 disables the timer */
  LIAISON_SWEEP_EVERY_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(5),
});

const CheckedConfigSchema = ConfigSchema.refine(
  (c) => c.LIAISON_BACKUP_EVERY_HOURS === 0 || c.LIAISON_BACKUP_DIR !== undefined,
  { path: ['LIAISON_BACKUP_DIR'], message: 'is required when LIAISON_BACKUP_EVERY_HOURS is set' },
)
  .refine((c) => c.LIAISON_CRYPTO !== 'gm' || c.LIAISON_DATA_KEY !== undefined, {
    path: ['LIAISON_DATA_KEY'],
    message: 'is required when LIAISON_CRYPTO=gm',
  })
  .refine((c) => c.LIAISON_CRYPTO !== 'gm' || c.LIAISON_AUDIT_KEY !== undefined, {
    path: ['LIAISON_AUDIT_KEY'],
    message: 'is required when LIAISON_CRYPTO=gm',
  });

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

/** Parse the environment once; refuse to start with a readable list of what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = CheckedConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
