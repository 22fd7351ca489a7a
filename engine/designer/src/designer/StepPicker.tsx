import { useState } from 'react';
import type { ActivityDescriptor } from '../api';
import { Dialog } from '../common/Dialog';
import { StepIcon } from './StepIcon';
import { groupPalette, isPluginAction } from './palette';
import { stepLine } from './stepWords';

interface StepPickerProps {
  open: boolean;
  descriptors: ActivityDescriptor[];
  onPick: (descriptor: ActivityDescriptor) => void;
  onClose: () => void;
  /** Shows each step's internal type beside its line. */
  advanced: boolean;
}

/** The "+" button's choice of a step: searchable by name, type or description, grouped like the palette. */
export function StepPicker({ open, descriptors, onPick, onClose, advanced }: StepPickerProps) {
  const [filter, setFilter] = useState('');
  const groups = groupPalette(descriptors, filter);
  const close = () => {
    setFilter('');
    onClose();
  };
  return (
    <Dialog open={open} title="Add a step" onClose={close}>
      <input
        type="search"
        className="step-picker-search"
        placeholder="Search steps…"
        aria-label="Search steps"
        value={filter}
        autoFocus
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="step-picker" data-testid="step-picker">
        {groups.map((group) => (
          <section key={group.category} aria-label={group.category}>
            <h3>{group.category}</h3>
            <ul>
              {group.items.map((d) => (
                <li key={`${isPluginAction(d) ? 'action' : 'activity'}:${d.type}`}>
                  <button
                    type="button"
                    className="step-picker-item"
                    aria-label={d.displayName}
                    title={advanced ? d.description : undefined}
                    onClick={() => {
                      setFilter('');
                      onPick(d);
                    }}
                  >
                    <StepIcon type={isPluginAction(d) ? 'action' : d.type} action={isPluginAction(d) ? d.type : undefined} />
                    <span>
                      <span className="step-picker-name">{d.displayName}</span>
                      <span className="step-picker-description">
                        {stepLine(d)}
                        {advanced && <code className="step-picker-type"> {d.type}</code>}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 && <p className="muted">No step matches “{filter}”.</p>}
      </div>
    </Dialog>
  );
}
