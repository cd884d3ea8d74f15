// The kiosk window's preload (electron.md §1 #3, #4, #20). Bundled by
// electron-vite into ONE CommonJS file (out/preload/index.cjs), because a
// sandboxed preload can neither load ES modules nor require other files.
//
// It exposes exactly the contract's intent methods as `window.kiosk`: no
// ipcRenderer, no channel names, no event objects. Checkout's script runs in
// the same page, so nothing else may be reachable from here.

import { contextBridge, ipcRenderer } from 'electron';
import { createKioskApi } from './kiosk-api-client.ts';

const api = createKioskApi((channel, payload) => ipcRenderer.invoke(channel, payload));

contextBridge.exposeInMainWorld('kiosk', api);
