/**
 * Team sync (#35 item 3): the team's documents over Hocuspocus, bridged to Dexie by repositories/team.ts.
 * - live (the side panel while it is open): providers stay connected; a remote change is written to Dexie and a
 *   change of the rows here is written to the documents, each within a moment;
 * - once (the service worker on an alarm): connect, sync, write Dexie, disconnect (an MV3 worker must not hold a
 *   socket for long).
 * Each document's state is kept in Dexie (`teamDocs`), so an edit made offline waits in it and merges when the
 * server is back. Going online again re-creates the providers around the same Y.Docs: a disconnect()/connect() of
 * a shared socket did not resync the documents (research: team-sync.md, finding 4).
 */
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { KefuDB } from './db';
import { LOCAL_ORIGIN } from '../scripts-library/team/bridge';
import { readRefused, teamDocs, type TeamConfig } from '../scripts-library/team/team-config';
import { deviceId, loadDoc, pushOwnTally, storeAgentTally, storeDocIfChanged, syncNotebooks, teamAgents } from './repositories/team';
import type { pullLibrary, pushLibrary } from './repositories/team-library';
import { pullRules, pushRules } from './repositories/team-rules';
import { onTableWritten } from './watch';

export type TeamState = 'connecting' | 'online' | 'offline' | 'refused';
export interface TeamStatus {
  state: TeamState;
  /** This browser's edits the server has not confirmed yet. */
  pending: number;
  /** Why the server refused the connection (its words), when state is 'refused'. */
  reason?: string;
}

export interface TeamSyncOptions {
  /** Node tests pass `ws`; the browser has WebSocket. */
  WebSocketPolyfill?: unknown;
  onStatus?(status: TeamStatus): void;
  /** The server refused a write to this document (a read-only scope): the UI tells the agent. */
  onRefused?(document: string): void;
  /** Rows here changed from the team's documents (for a status line). */
  onPulled?(): void;
  /**
   * The library ↔ team phrases (repositories/team-library.ts), given by the side panel and by the service
   * worker's catch-up (each loads it lazily). Without it the library doc is synced and stored only.
   */
  library?: { pull: typeof pullLibrary; push: typeof pushLibrary };
}

interface Slot {
  name: string;
  doc: Y.Doc;
  provider?: HocuspocusProvider;
  pending: number;
  synced: boolean;
  failed?: string;
  /** The doc changed since it was last stored (else storing it writes only `pending`). */
  changed: boolean;
}

/** The team documents of one browser and their connections. */
export class TeamSync {
  private slots = new Map<string, Slot>();
  private socket?: HocuspocusProviderWebsocket;
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private again = false;
  private unwatch: (() => void)[] = [];
  private closed = false;
  private device = '';
  /** The library doc's state vector at the last pull that applied it here. */
  private libraryPulled?: Uint8Array;
  /** publish() pushed the library since the last pass (the next pass skips its own push once). */
  private published = false;
  private takePublished(): boolean {
    const was = this.published;
    this.published = false;
    return was;
  }

  constructor(
    private readonly db: KefuDB,
    private readonly config: TeamConfig,
    private readonly opts: TeamSyncOptions = {},
  ) {}

  private get names() {
    return teamDocs(this.config.team);
  }

  /** Open the documents this browser syncs (their stored state first), without connecting. */
  async open(): Promise<void> {
    this.device = await deviceId(this.db);
    const n = this.names;
    await this.slot(n.library);
    await this.slot(n.rules);
    await this.slot(n.notebooks);
    if (this.config.role === 'agent') await this.slot(n.tally(this.config.agent));
    else for (const agent of teamAgents(this.slots.get(n.notebooks)!.doc)) if (agent !== this.config.agent) await this.slot(n.tally(agent));
  }

  private async slot(name: string): Promise<Slot> {
    const have = this.slots.get(name);
    if (have) return have;
    const doc = new Y.Doc();
    const slot: Slot = { name, doc, pending: 0, synced: false, changed: false };
    this.slots.set(name, slot);
    slot.pending = await loadDoc(this.db, name, doc);
    doc.on('update', (_u: Uint8Array, origin: unknown) => {
      slot.changed = true;
      if (origin === LOCAL_ORIGIN) slot.pending++;
      else if (origin !== 'kefu-stored') this.schedule();
      this.persist(slot);
      this.report();
    });
    if (this.socket) this.attach(slot);
    return slot;
  }

  private persistTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private persist(slot: Slot, delay = 200) {
    clearTimeout(this.persistTimers.get(slot.name));
    // A sync pass under way goes first: it writes the rows the panel reads, and storing a 10k library doc (an
    // encode of megabytes) in the middle of it only made them land later. The doc is stored right after.
    this.persistTimers.set(slot.name, setTimeout(() => void (this.running ?? Promise.resolve()).catch(() => {}).then(() => this.store(slot)).catch(() => {}), delay));
  }

  /** The slot's doc into Dexie (its whole state only when it changed since last stored). */
  private store(slot: Slot): Promise<void> {
    const changed = slot.changed;
    slot.changed = false;
    return storeDocIfChanged(this.db, slot.name, slot.doc, slot.pending, changed).catch((e: unknown) => {
      slot.changed ||= changed; // not stored: the next store writes it whole
      throw e;
    });
  }

  /** Connect every document (a new socket and new providers around the same Y.Docs). */
  connect(): void {
    this.disconnect();
    this.closed = false;
    this.socket = new HocuspocusProviderWebsocket({
      url: this.config.server.replace(/^http/, 'ws'),
      ...(this.opts.WebSocketPolyfill ? { WebSocketPolyfill: this.opts.WebSocketPolyfill as typeof WebSocket } : {}),
      delay: 500,
      factor: 1.5,
      minDelay: 500,
      maxDelay: 15_000,
    });
    for (const slot of this.slots.values()) this.attach(slot);
    this.report();
  }

  private attach(slot: Slot) {
    slot.synced = false;
    slot.failed = undefined;
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket!,
      name: slot.name,
      document: slot.doc,
      token: this.config.token,
      onSynced: ({ state }) => {
        slot.synced = state;
        if (state) this.schedule(0);
        this.report();
      },
      onAuthenticationFailed: ({ reason }) => {
        slot.failed = reason || 'permission-denied';
        this.report();
      },
      onUnsyncedChanges: ({ number }) => {
        if (number === 0 && slot.synced && slot.pending) {
          slot.pending = 0;
          this.persist(slot);
        }
        this.report();
      },
      onStatus: () => this.report(),
      onStateless: ({ payload }) => {
        const refused = readRefused(payload);
        if (refused) this.opts.onRefused?.(refused.document);
      },
    });
    (provider as { attach?: () => void }).attach?.();
    slot.provider = provider;
  }

  /** Close every connection (the documents stay, with what waits in them). */
  disconnect(): void {
    for (const slot of this.slots.values()) {
      slot.provider?.destroy();
      slot.provider = undefined;
      slot.synced = false;
    }
    this.socket?.destroy();
    this.socket = undefined;
    this.report();
  }

  status(): TeamStatus {
    const slots = [...this.slots.values()];
    const pending = slots.reduce((n, s) => n + s.pending, 0);
    const failed = slots.find((s) => s.failed && (s.name === this.names.library || s.name === this.names.rules || s.name === this.names.notebooks));
    if (failed) return { state: 'refused', pending, reason: failed.failed };
    if (!this.socket) return { state: 'offline', pending };
    const connected = slots.length > 0 && slots.every((s) => s.synced || s.failed);
    if (connected) return { state: 'online', pending };
    return { state: (this.socket as unknown as { status?: string }).status === 'connecting' ? 'connecting' : 'offline', pending };
  }

  private report() {
    this.opts.onStatus?.(this.status());
  }

  /** Rows ↔ documents now (serialised: a call during a run runs once more after it). */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.syncRows();
      } while (this.again && !this.closed);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delay = 150) {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sync().catch(() => {}), delay);
  }

  private async syncRows(): Promise<void> {
    const n = this.names;
    const lib = this.slots.get(n.library)!;
    const nb = this.slots.get(n.notebooks)!;
    const now = Date.now();
    // Pull before push, so what is written back is the merge's result.
    const library = this.opts.library;
    // publish() has just pushed the whole library: the first pass after it does not compare 10k rows again.
    if (library && this.config.role === 'lead' && !this.takePublished()) await library.push(this.db, lib.doc, this.config, { now });
    // The library is planned against every phrase here (10k: seconds), so only when its doc changed since the
    // last pull here: a tally or notebook change does not re-plan it. The state before the pull is kept, so an
    // update arriving during the pull is pulled on the next pass.
    const libState = Y.encodeStateVector(lib.doc);
    const libChanged = !this.libraryPulled || !sameBytes(libState, this.libraryPulled);
    const pulled = library && libChanged ? await library.pull(this.db, lib.doc, this.config.team, now) : { written: 0 };
    if (library && libChanged && !('error' in pulled && pulled.error)) this.libraryPulled = libState;
    const rules = this.slots.get(n.rules)!;
    if (this.config.role === 'lead') await pushRules(this.db, rules.doc, this.config, { now });
    const rulesPulled = await pullRules(this.db, rules.doc, this.config.team, this.config.role === 'lead');
    const notes = await syncNotebooks(this.db, nb.doc, this.config, now);
    if (this.config.role === 'agent') await pushOwnTally(this.db, this.slots.get(n.tally(this.config.agent))!.doc, this.device);
    else {
      for (const agent of teamAgents(nb.doc)) if (agent !== this.config.agent) await this.slot(n.tally(agent));
      for (const slot of this.slots.values()) {
        const agent = slot.name.startsWith(`${this.config.team}/tally/`) ? slot.name.slice(`${this.config.team}/tally/`.length) : undefined;
        if (agent) await storeAgentTally(this.db, slot.doc, agent);
      }
    }
    if (pulled.written || rulesPulled || notes.pulled) this.opts.onPulled?.();
  }

  /** The lead: the whole library (every phrase here but those of other packs) becomes the team's, then syncs. */
  async publish(): Promise<number> {
    const lib = this.slots.get(this.names.library);
    if (!lib || this.config.role !== 'lead' || !this.opts.library) return 0;
    const n = await this.opts.library.push(this.db, lib.doc, this.config, { publishAll: true });
    this.published = true;
    await pushRules(this.db, this.slots.get(this.names.rules)!.doc, this.config, { publishAll: true });
    await this.sync();
    return n;
  }

  /** Follow the panel's rows: a change of phrases, notes or tally here is written to the documents. */
  live(): void {
    this.connect();
    for (const table of ['phrases', 'rules', 'notes', 'tally']) this.unwatch.push(onTableWritten(this.db, table, () => this.schedule(300)));
  }

  /**
   * One catch-up (the service worker's alarm): connect, wait for every document to sync (at most `timeoutMs`),
   * write both ways, wait for the server to confirm, disconnect.
   */
  async once(timeoutMs = 20_000): Promise<TeamStatus> {
    this.connect();
    const t0 = Date.now();
    const settled = () => [...this.slots.values()].every((s) => s.synced || s.failed);
    while (!settled() && Date.now() - t0 < timeoutMs) await sleep(50);
    if (settled()) {
      await this.sync();
      while ([...this.slots.values()].some((s) => !s.failed && (s.provider?.unsyncedChanges ?? 0) > 0) && Date.now() - t0 < timeoutMs) await sleep(50);
      for (const s of this.slots.values()) if (!s.failed && (s.provider?.unsyncedChanges ?? 0) === 0) s.pending = 0;
    }
    const status = this.status();
    for (const s of this.slots.values()) await this.store(s);
    this.destroy();
    return status;
  }

  /** The documents of this browser, for tests and the privacy check. */
  documents(): ReadonlyMap<string, Y.Doc> {
    return new Map([...this.slots].map(([k, s]) => [k, s.doc]));
  }

  destroy(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const u of this.unwatch) u();
    this.unwatch = [];
    this.disconnect();
    for (const [name, t] of this.persistTimers) {
      clearTimeout(t);
      const s = this.slots.get(name);
      if (s) void this.store(s).catch(() => {});
    }
    this.persistTimers.clear();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
