export const DEMO_SITE: string;
export function buildFixtures(): Promise<string>;
