// The operator console window's preload: `window.kioskOperator`, the operator
// methods only, in a window that loads nothing but app://operator (no
// Razorpay, no third-party script). Bundled like preload.ts into one CommonJS
// file (out/preload/operator.cjs). Main answers these channels only to this
// window's top frame (src-main/electron/ipc-registry.ts).

import { contextBridge, ipcRenderer } from 'electron';
import { createOperatorApi } from './kiosk-api-client.ts';

contextBridge.exposeInMainWorld('kioskOperator', createOperatorApi((channel, payload) => ipcRenderer.invoke(channel, payload)));
