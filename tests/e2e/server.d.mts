export function serve(dir: string, port?: number, host?: string): Promise<{ url: string; close(): Promise<void> }>;
