// Counters for GET /metrics (Prometheus text format 0.0.4).
export class Metrics {
  updatesApplied = 0;
  updatesRefused = 0;
  authFailures = 0;

  /** @param {{ instance: string, documents: number, connections: number }} live */
  render({ instance, documents, connections }) {
    const label = `{instance="${instance.replace(/["\\\n]/g, '_')}"}`;
    const lines = [
      ['kefu_team_connections', 'gauge', 'Open WebSocket connections', connections],
      ['kefu_team_documents_loaded', 'gauge', 'Documents loaded in memory', documents],
      ['kefu_team_updates_applied_total', 'counter', 'Document updates applied', this.updatesApplied],
      ['kefu_team_updates_refused_total', 'counter', 'Updates refused because the connection is read-only', this.updatesRefused],
      ['kefu_team_auth_failures_total', 'counter', 'Refused tokens (WebSocket and /whoami)', this.authFailures],
      ['kefu_team_resident_memory_bytes', 'gauge', 'Resident memory of the server process', process.memoryUsage().rss],
    ];
    return `${lines.map(([name, type, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name}${label} ${value}`).join('\n')}\n`;
  }
}
