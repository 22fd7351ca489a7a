import { useId } from 'react';
import type { TriggerDefinition } from '../api';
import { cronInWords, describeSchedule } from './schedule';

interface ScheduleTriggerFieldsProps {
  trigger: TriggerDefinition;
  readOnly: boolean;
  onChange: (patch: Partial<TriggerDefinition>, field: string) => void;
}

/** When a schedule trigger starts the segment's members: on a cron schedule, or once at a set time. */
export function ScheduleTriggerFields({ trigger, readOnly, onChange }: ScheduleTriggerFieldsProps) {
  const id = useId();
  const once = trigger.at != null;
  const readable = once || cronInWords(trigger.cron) !== null;
  return (
    <>
      <fieldset className="field">
        <legend>Runs</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={!once} disabled={readOnly} onChange={() => onChange({ at: null, cron: trigger.cron || '0 9 * * 1' }, 'cron')} /> on a
          schedule
        </label>{' '}
        <label>
          <input type="radio" name={`${id}-kind`} checked={once} disabled={readOnly} onChange={() => onChange({ cron: null, at: new Date(Date.now() + 3600_000).toISOString() }, 'at')} />{' '}
          once
        </label>
      </fieldset>
      {once ? (
        <div className="field">
          <label htmlFor={`${id}-at`}>Starts at (your local time)</label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={toLocalInput(trigger.at)}
            readOnly={readOnly}
            onChange={(e) => onChange({ at: e.target.value ? new Date(e.target.value).toISOString() : null }, 'at')}
          />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-cron`}>
            Cron schedule<span className="req" aria-hidden="true"> *</span>
          </label>
          <input
            id={`${id}-cron`}
            type="text"
            className="code-input"
            value={trigger.cron ?? ''}
            readOnly={readOnly}
            spellCheck={false}
            aria-invalid={!readable}
            aria-describedby={`${id}-cron-help`}
            placeholder="0 9 * * 1"
            onChange={(e) => onChange({ cron: e.target.value }, 'cron')}
          />
          <div id={`${id}-cron-help`} className="field-help">
            minute hour day-of-month month day-of-week, in the workspace’s time zone
          </div>
        </div>
      )}
      <p className="muted small" data-testid="schedule-in-words" role="status">
        {readable ? `Starts every current member ${describeSchedule(trigger)}.` : 'Not a schedule yet: five fields, e.g. 0 9 * * 1 (every Monday at 09:00).'}
      </p>
    </>
  );
}

function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
