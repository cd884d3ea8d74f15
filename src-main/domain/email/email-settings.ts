// The organisation's own mail server, for email receipts: email-settings.json
// in the data folder (the password is not here: it is stored encrypted, like
// the payment keys, by a SecretStore). Own file, so the kiosk settings and
// this can change apart; validated on load and on every change, written
// atomically, never overwritten when unreadable.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkEmail } from '../../../src-shared/donor-fields.ts';
import { writeFileAtomic } from '../atomic-file.ts';

export const EMAIL_SETTINGS_FILE = 'email-settings.json';

const HostName = z
  .string()
  .trim()
  .max(253)
  .regex(/^$|^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/, 'the server is a host name like smtp.example.org');

/** The sender's address follows the same rule as a donor's (src-shared/donor-fields.ts). */
const FromAddress = z
  .string()
  .trim()
  .refine((text) => text === '' || checkEmail(text).ok, 'the sender address must look like receipts@example.org');

export const EmailSettingsFields = z
  .object({
    /** Off until the operator turns it on: queued receipts wait. */
    enabled: z.boolean(),
    host: HostName,
    port: z.number().int().min(1, 'the port is 1 to 65535').max(65_535, 'the port is 1 to 65535'),
    /** tls: encrypted from the start (port 465); starttls: upgraded (587), required; none: plain (a server on the local network only). */
    security: z.enum(['tls', 'starttls', 'none']),
    /** "" = the server takes mail without logging in. */
    username: z.string().trim().max(200),
    fromAddress: FromAddress,
    /** The name donors see as the sender; "" = the organisation's name. */
    fromName: z.string().trim().max(100).regex(/^[^\r\n"<>]*$/, 'the sender name cannot hold quotes, < or >'),
  })
  .strict();

export const EmailSettingsSchema = EmailSettingsFields.refine((s) => !s.enabled || (s.host !== '' && s.fromAddress !== ''), {
  message: 'to send receipts, enter the mail server and the sender address',
  path: ['enabled'],
});

export type EmailSettings = z.infer<typeof EmailSettingsSchema>;

export const EmailSettingsPatchSchema = EmailSettingsFields.partial().strict();
export type EmailSettingsPatch = z.output<typeof EmailSettingsPatchSchema>;

export const DEFAULT_EMAIL_SETTINGS: EmailSettings = {
  enabled: false,
  host: '',
  port: 587,
  security: 'starttls',
  username: '',
  fromAddress: '',
  fromName: '',
};

export type EmailSettingsResult = { ok: true; settings: EmailSettings } | { ok: false; message: string };

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`).join('; ');
}

/** The file's settings over the defaults; a bad file is an error, never silently ignored. */
export function loadEmailSettings(dataDir: string): EmailSettingsResult {
  const path = join(dataDir, EMAIL_SETTINGS_FILE);
  if (!existsSync(path)) return { ok: true, settings: DEFAULT_EMAIL_SETTINGS };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, message: `${path} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = EmailSettingsSchema.safeParse({ ...DEFAULT_EMAIL_SETTINGS, ...(raw as object) });
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, message: `${path}: ${describe(parsed.error.issues)}` };
}

/** Validates `patch` over the file's settings; writes nothing (saveEmailSettings does, once all else is done). */
export function mergeEmailSettings(dataDir: string, patch: EmailSettingsPatch): EmailSettingsResult {
  const current = loadEmailSettings(dataDir);
  if (!current.ok) return { ok: false, message: `The email settings file cannot be read (${current.message}); it was left as it is and nothing was changed.` };
  const merged = EmailSettingsSchema.safeParse({ ...current.settings, ...patch });
  if (!merged.success) return { ok: false, message: `Nothing was changed. ${describe(merged.error.issues)}` };
  return { ok: true, settings: merged.data };
}

/** Writes settings that mergeEmailSettings returned. */
export function saveEmailSettings(dataDir: string, settings: EmailSettings): void {
  writeFileAtomic(join(dataDir, EMAIL_SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`);
}
