// The donor window's preload (electron.md §1 #3, #4, #20). Bundled by
// electron-vite into ONE CommonJS file (out/preload/index.cjs), because a
// sandboxed preload can neither load ES modules nor require other files.
//
// It exposes the donor page's intent methods as `window.kiosk` and nothing
// else: no ipcRenderer, no channel names, no event objects, and no operator
// method. Razorpay's checkout.js runs in this page, so the console's methods
// live in another window with its own preload (operator-preload.ts), and main
// refuses them from this one (src-main/electron/ipc-registry.ts).

import { contextBridge, ipcRenderer } from 'electron';
import { createDonorApi } from './kiosk-api-client.ts';

contextBridge.exposeInMainWorld('kiosk', createDonorApi((channel, payload) => ipcRenderer.invoke(channel, payload)));
