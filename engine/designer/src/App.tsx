import { lazy, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Role } from './api';
import { AuthProvider, roleAccess, useAuth } from './auth/AuthContext';
import { SignInPage } from './auth/SignInPage';
import { Forbidden, NotFound, Shell } from './app/Shell';
import { Loading } from './common/Status';

// Pages load on first visit: the canvas and the charts are the heavy parts and only some roles need them.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const WorkflowListPage = lazy(() => import('./workflows/WorkflowListPage').then((m) => ({ default: m.WorkflowListPage })));
const DesignerRoute = lazy(() => import('./designer/DesignerPage').then((m) => ({ default: m.DesignerRoute })));
const ApprovalsPage = lazy(() => import('./approvals/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const SegmentsPage = lazy(() => import('./segments/SegmentsPage').then((m) => ({ default: m.SegmentsPage })));
const DiscoveryPage = lazy(() => import('./discovery/DiscoveryPage').then((m) => ({ default: m.DiscoveryPage })));
const CustomersPage = lazy(() => import('./customers/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const UsersPage = lazy(() => import('./users/UsersPage').then((m) => ({ default: m.UsersPage })));
const ActionsPage = lazy(() => import('./operations/ActionsPage').then((m) => ({ default: m.ActionsPage })));
const OutboxPage = lazy(() => import('./operations/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const SuppressionsPage = lazy(() => import('./operations/SuppressionsPage').then((m) => ({ default: m.SuppressionsPage })));
const SetAsidePage = lazy(() => import('./operations/SetAsidePage').then((m) => ({ default: m.SetAsidePage })));
const ErrorQueuesPage = lazy(() => import('./operations/ErrorQueuesPage').then((m) => ({ default: m.ErrorQueuesPage })));
const ClusterPage = lazy(() => import('./operations/ClusterPage').then((m) => ({ default: m.ClusterPage })));
const PluginsPage = lazy(() => import('./operations/PluginsPage').then((m) => ({ default: m.PluginsPage })));
const TemplatesPage = lazy(() => import('./templates/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));
const TemplateEditorPage = lazy(() => import('./templates/TemplateEditorPage').then((m) => ({ default: m.TemplateEditorPage })));
const ModelsPage = lazy(() => import('./models/ModelsPage').then((m) => ({ default: m.ModelsPage })));
const RuleSetsPage = lazy(() => import('./rules/RuleSetsPage').then((m) => ({ default: m.RuleSetsPage })));
const RuleSetEditorPage = lazy(() => import('./rules/RuleSetEditorPage').then((m) => ({ default: m.RuleSetEditorPage })));
const CustomerPage = lazy(() => import('./customers/CustomerPage').then((m) => ({ default: m.CustomerPage })));

function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { hasRole } = useAuth();
  return hasRole(...roles) ? <>{children}</> : <Forbidden />;
}

function Gate() {
  const { user, checking } = useAuth();
  if (checking) return <Loading label="Starting…" />;
  if (!user) return <SignInPage />;
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<DashboardPage />} />
        <Route path="workflows" element={<RequireRole roles={roleAccess.design}><WorkflowListPage /></RequireRole>} />
        <Route path="workflows/new" element={<RequireRole roles={roleAccess.design}><DesignerRoute /></RequireRole>} />
        <Route path="workflows/:id" element={<RequireRole roles={roleAccess.design}><DesignerRoute /></RequireRole>} />
        <Route path="templates" element={<RequireRole roles={roleAccess.design}><TemplatesPage /></RequireRole>} />
        <Route path="templates/:key" element={<RequireRole roles={roleAccess.design}><TemplateEditorPage /></RequireRole>} />
        <Route path="segments" element={<RequireRole roles={roleAccess.design}><SegmentsPage /></RequireRole>} />
        <Route path="segments/:key" element={<RequireRole roles={roleAccess.design}><SegmentsPage /></RequireRole>} />
        <Route path="rule-sets" element={<RequireRole roles={roleAccess.design}><RuleSetsPage /></RequireRole>} />
        <Route path="rule-sets/:key" element={<RequireRole roles={roleAccess.design}><RuleSetEditorPage /></RequireRole>} />
        <Route path="models" element={<RequireRole roles={roleAccess.design}><ModelsPage /></RequireRole>} />
        <Route path="discovery" element={<RequireRole roles={roleAccess.design}><DiscoveryPage /></RequireRole>} />
        <Route path="approvals" element={<RequireRole roles={roleAccess.approve}><ApprovalsPage /></RequireRole>} />
        <Route path="users" element={<RequireRole roles={roleAccess.administer}><UsersPage /></RequireRole>} />
        <Route path="actions" element={<RequireRole roles={roleAccess.readPeople}><ActionsPage /></RequireRole>} />
        <Route path="outbox" element={<RequireRole roles={roleAccess.readPeople}><OutboxPage /></RequireRole>} />
        <Route path="suppressions" element={<RequireRole roles={roleAccess.design}><SuppressionsPage /></RequireRole>} />
        <Route path="processing" element={<RequireRole roles={roleAccess.design}><SetAsidePage /></RequireRole>} />
        <Route path="error-queues" element={<RequireRole roles={roleAccess.administer}><ErrorQueuesPage /></RequireRole>} />
        <Route path="plugins" element={<PluginsPage />} />
        <Route path="cluster" element={<ClusterPage />} />
        <Route path="customers" element={<RequireRole roles={roleAccess.readPeople}><CustomersPage /></RequireRole>} />
        <Route path="customers/:id" element={<RequireRole roles={roleAccess.readPeople}><CustomerPage /></RequireRole>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Gate />
      </AuthProvider>
    </BrowserRouter>
  );
}
