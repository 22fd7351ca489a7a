import { NavLink } from 'react-router';
import { roleAccess, useAuth } from '../auth/AuthContext';

/** The operations pages share one entry in the main navigation ("Actions"); this strip moves between them. */
export function OperationsNav() {
  const { hasRole } = useAuth();
  return (
    <nav className="subnav" aria-label="Operations">
      {hasRole(...roleAccess.readPeople) && <NavLink to="/actions">Dispatch log</NavLink>}
      {hasRole(...roleAccess.readPeople) && <NavLink to="/outbox">Outbox</NavLink>}
      {hasRole(...roleAccess.design) && <NavLink to="/suppressions">Suppressions</NavLink>}
      {hasRole(...roleAccess.design) && <NavLink to="/processing">Set-aside customers</NavLink>}
      {hasRole(...roleAccess.administer) && <NavLink to="/error-queues">Error queues</NavLink>}
      <NavLink to="/plugins">Plugins</NavLink>
      <NavLink to="/cluster">Cluster</NavLink>
    </nav>
  );
}
