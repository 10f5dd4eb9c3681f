export declare const CONSOLES: Record<'pinduoduo' | 'doudian' | 'jd' | 'kuaishou' | 'taobao' | 'unknown', { host: string; path: string; fixture?: string }>;
export declare function serveConsoles(): Promise<{ args: string[]; url(site: keyof typeof CONSOLES, query?: string): string; close(): Promise<void> }>;
