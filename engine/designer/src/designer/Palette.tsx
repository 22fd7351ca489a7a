import { useState, type DragEvent } from 'react';
import type { ActivityDescriptor } from '../api';
import { formatMoney } from '../common/format';
import { groupPalette, isPluginAction, paletteTestId } from './palette';
import { StepIcon } from './StepIcon';
import { stepLine } from './stepWords';

export const PALETTE_MIME = 'application/x-automation-palette';

/** The key a dragged palette item carries: "activity:condition" or "action:email.send". */
export const paletteKey = (d: ActivityDescriptor) => `${isPluginAction(d) ? 'action' : 'activity'}:${d.type}`;

interface PaletteProps {
  descriptors: ActivityDescriptor[];
  onAdd: (descriptor: ActivityDescriptor) => void;
  disabled: boolean;
  /** Shows each step's internal type under its name. */
  advanced: boolean;
}

/** The steps to drag onto the canvas: an icon, a plain name and one line saying what it does. */
export function Palette({ descriptors, onAdd, disabled, advanced }: PaletteProps) {
  const [filter, setFilter] = useState('');
  const groups = groupPalette(descriptors, filter);

  function onDragStart(event: DragEvent, d: ActivityDescriptor) {
    event.dataTransfer.setData(PALETTE_MIME, paletteKey(d));
    event.dataTransfer.setData('text/plain', d.displayName);
    event.dataTransfer.effectAllowed = 'move';
  }

  return (
    <aside className="palette" aria-label="Activities">
      <div className="palette-head">
        <h2>Add a step</h2>
        <input
          type="search"
          className="input-small"
          placeholder="Filter…"
          aria-label="Filter activities"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <p className="muted small">Drag onto the canvas, or press +.</p>
      </div>
      <div className="palette-groups">
        {groups.map((group) => (
          <section key={group.category} className="palette-group" aria-label={group.category}>
            <h3>{group.category}</h3>
            <ul>
              {group.items.map((d) => (
                <li
                  key={paletteKey(d)}
                  className={`palette-item${disabled ? ' disabled' : ''}`}
                  data-testid={paletteTestId(d)}
                  draggable={!disabled}
                  onDragStart={(e) => onDragStart(e, d)}
                  title={advanced ? d.description : stepLine(d)}
                >
                  <span className="palette-item-icon" aria-hidden="true">
                    <StepIcon type={isPluginAction(d) ? 'action' : d.type} action={isPluginAction(d) ? d.type : undefined} />
                  </span>
                  <div className="palette-item-text">
                    <span className="palette-item-name">{d.displayName}</span>
                    <span className="palette-item-sub">
                      {stepLine(d)}
                      {d.budgetAffecting ? ` · ~${formatMoney(d.estimatedCost)} each` : ''}
                    </span>
                    {advanced && (
                      <code className="palette-item-type" title={d.plugin ?? undefined}>
                        {d.type}
                      </code>
                    )}
                  </div>
                  <button
                    type="button"
                    className="btn-icon btn-add"
                    aria-label={`Add ${d.displayName}`}
                    disabled={disabled}
                    onClick={() => onAdd(d)}
                  >
                    +
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 && <p className="muted small">No activity matches.</p>}
      </div>
    </aside>
  );
}
