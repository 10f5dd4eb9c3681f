/**
 * Whether an event comes from the agent (the browser's own input) rather than from a script in the page: the
 * console's main world can dispatch any event, or `.click()` anything it can reach, and such events are never
 * trusted. What a page-made event may still do is decided per listener (re-checking the draft: yes; counting,
 * storing, silencing the guard, releasing a held send, picking a phrase: never).
 */
export function byAgent(e: Event): boolean {
  return e.isTrusted === true;
}
