export type AppInfo = { version: string, data_dir: string, };
