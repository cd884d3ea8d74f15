// A session preload for the donor's session (registered in
// src-main/electron/main.ts): in every page of that session, the donor page,
// Razorpay's frames and the banks' popups, the print dialog, file choosers
// and file pickers are disarmed before the page's own scripts run
// (src-shared/native-dialog-guard.ts). It exposes nothing.
//
// The click guard runs here, in the isolated world (the DOM and its events
// are shared, so cancelling a click on a file input here cancels the chooser);
// the function replacements need the page's own world.

import { contextBridge } from 'electron';
import { neutraliseNativeDialogs } from '../../src-shared/native-dialog-guard.ts';

neutraliseNativeDialogs();
try {
  contextBridge.executeInMainWorld({ func: neutraliseNativeDialogs, args: [] });
} catch {
  // executeInMainWorld is experimental; without it the click guard above still stops file choosers.
}
