export const DEMO_SITE: string;
export function buildFixtures(): Promise<string>;
export const EDITOR_FAMILIES: string[];
export function ensureFixtures(): Promise<string>;
