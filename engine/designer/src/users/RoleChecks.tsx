import type { Role } from '../api';
import { FieldProblems } from './FieldProblems';
import { roleChoices } from './roles';

interface RoleChecksProps {
  idPrefix: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  problems: string[];
  /** A role that cannot be unticked here, with the reason shown beside it. */
  locked?: { role: Role; reason: string };
}

/** One checkbox per role, each saying what it allows. */
export function RoleChecks({ idPrefix, value, onChange, problems, locked }: RoleChecksProps) {
  const toggle = (role: Role, on: boolean) => onChange(roleChoices.map((c) => c.role).filter((r) => (r === role ? on : value.includes(r))));
  return (
    <fieldset className="fieldset role-checks" aria-invalid={problems.length > 0 || undefined}>
      <legend>
        Roles<span className="req" aria-hidden="true"> *</span>
      </legend>
      {roleChoices.map(({ role, label, description }) => {
        const isLocked = locked?.role === role;
        return (
          <div key={role} className="field-check">
            <label>
              <input
                type="checkbox"
                checked={value.includes(role)}
                disabled={isLocked}
                aria-describedby={`${idPrefix}-${role}-desc`}
                onChange={(e) => toggle(role, e.target.checked)}
              />
              {label}
            </label>
            <span id={`${idPrefix}-${role}-desc`} className="field-help">
              {isLocked ? locked.reason : description}
            </span>
          </div>
        );
      })}
      <FieldProblems messages={problems} testId={`${idPrefix}-roles-problem`} />
    </fieldset>
  );
}
