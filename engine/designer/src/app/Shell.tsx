import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import {
  Activity,
  BadgeCheck,
  Brain,
  Compass,
  LayoutDashboard,
  ListChecks,
  LogOut,
  Mail,
  Menu,
  Scale,
  UserCog,
  Users,
  UsersRound,
  Workflow,
  X,
} from 'lucide-react';
import { Loading } from '../common/Status';
import { roleAccess, useAuth } from '../auth/AuthContext';

export function Shell() {
  const { user, hasRole, signOut } = useAuth();
  const { pathname } = useLocation();
  const canDesign = hasRole(...roleAccess.design);
  const canApprove = hasRole(...roleAccess.approve);
  const canAdminister = hasRole(...roleAccess.administer);
  const canReadPeople = hasRole(...roleAccess.readPeople);
  // Suppressions, set-aside customers and plugins sit under "Actions" (OperationsNav), keeping the main bar short enough for 1024 px.
  const operationsPage = ['/outbox', '/suppressions', '/processing', '/error-queues', '/plugins', '/cluster'].some((p) => pathname.startsWith(p));
  // On a phone the main bar folds into a menu that closes once a page is chosen.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={menuOpen ? 'topbar menu-open' : 'topbar'}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span>Automation</span>
        </div>
        <button
          type="button"
          className="btn btn-small menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-navigation"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? <X aria-hidden="true" className="nav-icon" /> : <Menu aria-hidden="true" className="nav-icon" />}
          Menu
        </button>
        <nav className="mainnav" id="main-navigation" aria-label="Main">
          <NavLink to="/" end>
            <LayoutDashboard aria-hidden="true" className="nav-icon" />
            Dashboard
          </NavLink>
          {canDesign && <NavLink to="/workflows">
              <Workflow aria-hidden="true" className="nav-icon" />
              Workflows
            </NavLink>}
          {canDesign && <NavLink to="/templates">
              <Mail aria-hidden="true" className="nav-icon" />
              Emails
            </NavLink>}
          {canDesign && <NavLink to="/segments">
              <UsersRound aria-hidden="true" className="nav-icon" />
              Segments
            </NavLink>}
          {canDesign && <NavLink to="/rule-sets">
              <Scale aria-hidden="true" className="nav-icon" />
              Rules
            </NavLink>}
          {canDesign && <NavLink to="/discovery">
              <Compass aria-hidden="true" className="nav-icon" />
              Discovery
            </NavLink>}
          {canDesign && <NavLink to="/models">
              <Brain aria-hidden="true" className="nav-icon" />
              Models
            </NavLink>}
          {canApprove && <NavLink to="/approvals">
              <BadgeCheck aria-hidden="true" className="nav-icon" />
              Approvals
            </NavLink>}
          {canReadPeople && <NavLink to="/customers">
              <Users aria-hidden="true" className="nav-icon" />
              Customers
            </NavLink>}
          {canReadPeople ? (
            <NavLink to="/actions" className={({ isActive }) => (isActive || operationsPage ? 'active' : undefined)}>
              <Activity aria-hidden="true" className="nav-icon" />
              Actions
            </NavLink>
          ) : (
            <NavLink to="/plugins">
              <ListChecks aria-hidden="true" className="nav-icon" />
              Plugins
            </NavLink>
          )}
          {canAdminister && <NavLink to="/users">
              <UserCog aria-hidden="true" className="nav-icon" />
              Users
            </NavLink>}
        </nav>
        <div className="usermenu">
          <span className="user-name" title={`${user?.email ?? ''} · ${user?.roles.join(', ') ?? ''}`}>
            {user?.displayName || user?.email}
            <span className="user-roles">{user?.roles.join(', ')}</span>
          </span>
          <button type="button" className="btn btn-small" onClick={() => void signOut()}>
            <LogOut aria-hidden="true" className="nav-icon" />
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

export function Forbidden() {
  return (
    <div className="page">
      <h1>Not available</h1>
      <p className="muted">Your role does not include this page. Ask an administrator if you need it.</p>
    </div>
  );
}

export function NotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p className="muted">The address does not match a page of this app.</p>
    </div>
  );
}
