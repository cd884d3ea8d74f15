// What is fixed when the kiosk is built (issue 14, item 6): the update feed
// (electron-builder.yml `publish.url`, or KIOSK_UPDATE_FEED_URL at build time)
// and the ed25519 public key updates must be signed with
// (assets/build/update-public-key.pem). electron.vite.config.ts writes both
// into the main bundle, inside the signed app.asar, so nothing on the kiosk
// (a setting, a file next to the app, the environment) can change them.
// Unbuilt runs (unit tests) see neither: no feed, no key, no updates.

declare const __KIOSK_UPDATE_FEED_URL__: string | undefined;
declare const __KIOSK_UPDATE_PUBLIC_KEY__: string | undefined;

/** The feed address as built, `${os}` not yet expanded; "" when the build has none. */
export const BUILT_IN_UPDATE_FEED_TEMPLATE: string = typeof __KIOSK_UPDATE_FEED_URL__ === 'string' ? __KIOSK_UPDATE_FEED_URL__ : '';

/** The public key (PEM) as built; "" when the build has none. */
export const BUILT_IN_UPDATE_PUBLIC_KEY: string = typeof __KIOSK_UPDATE_PUBLIC_KEY__ === 'string' ? __KIOSK_UPDATE_PUBLIC_KEY__ : '';
