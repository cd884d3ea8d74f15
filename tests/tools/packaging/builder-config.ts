// Reads and validates electron-builder configuration with electron-builder's
// own loader and validator (app-builder-lib 26.17's scheme.json; `extends` is
// resolved the same way as in a real build). Its schema has a custom
// `typeof: function` keyword that plain ajv rejects, hence the builder's own
// validator (an internal path: electron-builder is pinned, and this breaks
// loudly if the path moves).

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface BuilderConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: object | null): Promise<Record<string, unknown>>;
  validateConfiguration(config: object, debugLogger: object): Promise<void>;
}
interface BuilderUtilModule {
  DebugLogger: new (isEnabled: boolean) => object;
}

const configModule = require('app-builder-lib/out/util/config/config') as BuilderConfigModule;
const { DebugLogger } = require('builder-util') as BuilderUtilModule;

export type LoadedBuilderConfig = Record<string, unknown> & { electronFuses?: Record<string, boolean> };

/** The configuration after `extends`, as a build would see it. Throws if the file cannot be read. */
export function loadBuilderConfig(projectDir: string, configFile: string): Promise<LoadedBuilderConfig> {
  return configModule.getConfig(projectDir, configFile, null);
}

/** Validates a loaded configuration; throws with electron-builder's own message when it is wrong. */
export function validateBuilderConfig(config: object): Promise<void> {
  return configModule.validateConfiguration(config, new DebugLogger(false));
}
