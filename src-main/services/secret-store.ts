// Where the mail server's password for email receipts is kept: a port, so the
// services never touch Electron. The installed app encrypts it with
// safeStorage (src-main/electron/safe-storage-key-store.ts), as it does the
// payment keys; browser mode (development and tests) keeps no secrets and
// takes it from the environment, as it takes the keys.

export interface SecretStore {
  /** False where nothing can be stored (browser mode): the console says so. */
  readonly canStore: boolean;
  /** null when none is kept. Throws KeyStoreError when it cannot be read back. */
  load(): Promise<string | null>;
  /** null removes it. Throws KeyStoreError when it cannot be kept safely. */
  save(secret: string | null): Promise<void>;
}

/** Browser mode: the password from KIOSK_SMTP_PASSWORD, if any; nothing can be stored. */
export function environmentSecretStore(value: string | undefined): SecretStore {
  const secret = value === undefined || value === '' ? null : value;
  return {
    canStore: false,
    load: async () => secret,
    save: async () => {
      throw new Error('not supported');
    },
  };
}
