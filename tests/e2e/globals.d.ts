/** The slice of the extension API that e2e tests call inside extension pages (page.evaluate). */
declare const chrome: {
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  i18n: { getMessage(key: string): string; getUILanguage(): string };
  notifications: { getAll(): Promise<Record<string, unknown>> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  scripting: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown[]>;
    executeScript<T>(injection: { target: { tabId: number }; func: () => T }): Promise<{ result?: Awaited<T> }[]>;
  };
};
