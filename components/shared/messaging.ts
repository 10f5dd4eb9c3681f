/** The extension pages' side of the protocol: typed senders to the background and to a chat tab's script. */
import { browser } from 'wxt/browser';
import { BACKGROUND_PROTOCOL, CHAT_PAGE_PROTOCOL, createSender } from '../../scripts-library/shared/protocol';

/** `toBackground(type, payload)`: the reply validated against the protocol map, or a ProtocolError. */
export const toBackground = createSender(BACKGROUND_PROTOCOL, (message) => browser.runtime.sendMessage(message), 'extension-page');

/** A sender to the chat script in one tab (tabs.sendMessage). */
export const toChatTab = (tabId: number) => createSender(CHAT_PAGE_PROTOCOL, (message) => browser.tabs.sendMessage(tabId, message));

/** Tell the background the chase reminders changed, so it makes the alarms match (fire and forget). */
export const remindersChanged = () => void toBackground('reminders/changed', {}).catch(() => {});

/** Tell the worker the guard's rules or allows changed, so it keeps their compiled form now (guard-prepare.ts). */
export const guardInputsChanged = () => void toBackground('guard/prepare', {}).catch(() => {});
