/**
 * The shift clock, pure: which work day and shift a moment belongs to, and the day keys around it. Times are local
 * wall-clock times; a shift that runs past midnight counts to the day it started. The tally, the response times,
 * the notebooks and the settings' defaults all read the clock here (none of them imports the tally for it).
 */

export interface Shift {
  id: string;
  name: string;
  /** "HH:MM" local time. `end` ≤ `start` means the shift ends the next day. */
  start: string;
  end: string;
}

/** The seeds' management rules: 白班 9:00–17:30, 晚班 17:30–22:30. */
export const DEFAULT_SHIFTS: Shift[] = [
  { id: 'day', name: '白班', start: '09:00', end: '17:30' },
  { id: 'night', name: '晚班', start: '17:30', end: '22:30' },
];

export const OFF_SHIFT = 'off';

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The day and shift of a moment. Outside every shift → the `off` shift of that calendar day. */
export function shiftAt(at: Date, shifts: readonly Shift[] = DEFAULT_SHIFTS): { day: string; shift: string } {
  const now = at.getHours() * 60 + at.getMinutes();
  for (const s of shifts) {
    const start = minutes(s.start);
    const end = minutes(s.end);
    if (end > start) {
      if (now >= start && now < end) return { day: dayKey(at), shift: s.id };
    } else if (now >= start) {
      return { day: dayKey(at), shift: s.id };
    } else if (now < end) {
      // After midnight in a shift that started yesterday: it counts to yesterday.
      const yesterday = new Date(at.getFullYear(), at.getMonth(), at.getDate() - 1, 12);
      return { day: dayKey(yesterday), shift: s.id };
    }
  }
  return { day: dayKey(at), shift: OFF_SHIFT };
}

/** The last `n` day keys ending with `day` (inclusive), oldest first. */
export function lastDays(day: string, n: number): string[] {
  const [y, m, d] = day.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => dayKey(new Date(y!, m! - 1, d! - (n - 1 - i), 12)));
}

/** The Monday (day key) of the week a timestamp falls in, for weekly summaries. */
export function weekOf(at: Date): string {
  const monday = new Date(at.getFullYear(), at.getMonth(), at.getDate() - ((at.getDay() + 6) % 7), 12);
  return dayKey(monday);
}

/** The tally rows' owner: the agent's name from ⚙ settings, `me` until one is set. */
export const rowAgent = (agentName: string | undefined): string => agentName || 'me';

export interface TallyRowKey {
  agent: string;
  day: string;
  shift: string;
}

/**
 * Whose tally row a moment counts to, on which work day and in which shift: the one rule shared by the panel's
 * counts, the chat page's hotkeys, the automatic consult and the measured response times.
 */
export function tallyRowAt(settings: { agentName?: string; shifts?: readonly Shift[] } | undefined, at: Date): TallyRowKey {
  return { agent: rowAgent(settings?.agentName), ...shiftAt(at, settings?.shifts) };
}
