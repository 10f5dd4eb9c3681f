import { useState } from 'react';
import type { Note, Settings } from '../../scripts-library/shared/schema';
import type { TeamTally } from '../../scripts-library/team/team-config';
import { monthToDate } from '../../scripts-library/tally/tally';
import { OFF_SHIFT, shiftAt } from '../../scripts-library/shared/shift';
import { columnValue, periodDays, sortLines, TEAM_COLUMNS, teamCsv, teamLines, weekProblems, type TeamColumn, type TeamPeriod } from '../../scripts-library/team/team-table';
import { Tally } from '../tally/TallyView';
import { download } from '../shared/download';
import { useTeamTally } from './use-team';
import { t, type MessageKey } from '../shared/i18n';

/** 统计 for the lead: their own tally (我的) or the team's table (团队). */
export function LeadTally({ agent, settings }: { agent: string; settings: Settings }) {
  const [which, setWhich] = useState<'mine' | 'team'>('mine');
  return (
    <>
      <div className="views" role="tablist" aria-label={t('viewTally')}>
        <button role="tab" aria-selected={which === 'mine'} onClick={() => setWhich('mine')}>{t('teamMine')}</button>
        <button role="tab" aria-selected={which === 'team'} onClick={() => setWhich('team')}>{t('teamView')}</button>
      </div>
      {which === 'mine' ? <Tally agent={agent} settings={settings} /> : <TeamTallyPanel settings={settings} />}
    </>
  );
}

function TeamTallyPanel({ settings }: { settings: Settings }) {
  const day = shiftAt(new Date(), settings.shifts).day;
  const data = useTeamTally(monthToDate(day));
  return <TeamTallyView rows={data.rows ?? []} problems={data.problems ?? []} day={day} settings={settings} />;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const secs = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms / 1000)}s`);

/** One cell of a line as shown. */
function cell(line: Parameters<typeof columnValue>[0], column: TeamColumn, shiftName: (id: string) => string): string {
  const v = columnValue(line, column);
  switch (column) {
    case 'shift':
      return shiftName(String(v));
    case 'rate':
    case 'within3min':
      return pct(v as number | null);
    case 'perOrder':
      return v === null ? '—' : `¥${(v as number).toFixed(2)}`;
    case 'firstResponse':
    case 'avgResponse':
      return secs(v as number | null);
    default:
      return String(v);
  }
}

interface ViewProps {
  rows: readonly TeamTally[];
  problems: readonly Note[];
  day: string;
  settings: Settings;
}

/**
 * 统计 → 团队: per agent and shift, 询单 / 成交 / 转化率 / 客单价 / 首次响应 / 平均响应 / 3 分钟响应率 / 退款 / 中差评 for
 * today, this week or this month, sorted by any column (click its head; again for the other way), CSV export, and
 * the week's 问题登记本 in one line.
 */
export function TeamTallyView({ rows, problems, day, settings }: ViewProps) {
  const [period, setPeriod] = useState<TeamPeriod>('today');
  const [sort, setSort] = useState<{ column: TeamColumn; descending: boolean }>({ column: 'conversions', descending: true });
  const shiftName = (id: string) => (id === OFF_SHIFT ? t('shift_off') : (settings.shifts.find((s) => s.id === id)?.name ?? id));
  const lines = sortLines(teamLines(rows, periodDays(period, day)), sort.column, sort.descending);
  const week = weekProblems(problems, day);
  const sortBy = (column: TeamColumn) => setSort((s) => ({ column, descending: s.column === column ? !s.descending : column !== 'agent' && column !== 'shift' }));
  return (
    <section className="tally" aria-label={t('teamView')}>
      <div className="views" role="tablist">
        {(['today', 'week', 'month'] as const).map((p) => (
          <button key={p} role="tab" aria-selected={period === p} onClick={() => setPeriod(p)}>{t(`teamPeriod_${p}`)}</button>
        ))}
      </div>
      {lines.length === 0 ? (
        <p className="muted">{t('teamEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="tally__table">
            <thead>
              <tr>
                {TEAM_COLUMNS.map((c) => (
                  <th key={c} aria-sort={sort.column === c ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" onClick={() => sortBy(c)}>{t(`teamCol_${c}` as MessageKey)}</button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={`${line.agent}|${line.shift}`}>
                  {TEAM_COLUMNS.map((c) => <td key={c}>{cell(line, c, shiftName)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="toolbar">
        <button type="button" disabled={!lines.length} onClick={() => download(`kefu-team-${period}-${day}.csv`, teamCsv(lines, shiftName), 'text/csv;charset=utf-8')}>
          {t('teamExport')}
        </button>
      </div>
      <p>{t('teamProblems', [String(week.open), String(week.answered)])}</p>
      <ul className="team__problems">
        {week.items.slice(0, 20).map((p, i) => (
          <li key={i}>{p.answer ? `${p.question} — ${p.answer}` : p.question}</li>
        ))}
      </ul>
    </section>
  );
}
