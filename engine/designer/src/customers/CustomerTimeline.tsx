import { type CustomerEvent } from '../api';
import { formatDate, formatNumber, formatTime, formatValue, humanize } from '../common/format';

export function CustomerTimeline({ events }: { events: CustomerEvent[] }) {
  const byDay = new Map<string, CustomerEvent[]>();
  for (const e of [...events].sort((a, b) => b.timestamp.localeCompare(a.timestamp))) {
    const day = formatDate(e.timestamp);
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  return (
    <div className="timeline" data-testid="event-timeline">
      {[...byDay.entries()].map(([day, list]) => (
        <div key={day}>
          <h3 className="timeline-day">{day}</h3>
          <ol className="timeline-list">
            {list.map((e) => (
              <li key={e.id}>
                <span className="timeline-time">{formatTime(e.timestamp)}</span>
                <span className="timeline-type">{humanize(e.type)}</span>
                {e.value !== undefined && e.value !== null && <span className="chip">{formatNumber(e.value)}</span>}
                {e.properties && Object.keys(e.properties).length > 0 && (
                  <span className="muted small">
                    {' '}
                    {Object.entries(e.properties)
                      .map(([k, v]) => `${k}: ${formatValue(v)}`)
                      .join(' · ')}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
