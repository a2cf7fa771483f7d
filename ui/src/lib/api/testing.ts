// IPC mocks for component tests, re-exported so that tests too reach Tauri only through lib/api.
export { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
export { emit } from '@tauri-apps/api/event';
