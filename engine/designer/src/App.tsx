import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Role } from './api';
import { AuthProvider, roleAccess, useAuth } from './auth/AuthContext';
import { SignInPage } from './auth/SignInPage';
import { Forbidden, NotFound, Shell } from './app/Shell';
import { Loading } from './common/Status';
import { DashboardPage } from './dashboard/DashboardPage';
import { WorkflowListPage } from './workflows/WorkflowListPage';
import { DesignerRoute } from './designer/DesignerPage';
import { ApprovalsPage } from './approvals/ApprovalsPage';
import { SegmentsPage } from './segments/SegmentsPage';
import { DiscoveryPage } from './discovery/DiscoveryPage';
import { CustomersPage } from './customers/CustomersPage';
import { CustomerPage } from './customers/CustomerPage';

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
        <Route path="segments" element={<RequireRole roles={roleAccess.design}><SegmentsPage /></RequireRole>} />
        <Route path="segments/:key" element={<RequireRole roles={roleAccess.design}><SegmentsPage /></RequireRole>} />
        <Route path="discovery" element={<RequireRole roles={roleAccess.design}><DiscoveryPage /></RequireRole>} />
        <Route path="approvals" element={<RequireRole roles={roleAccess.approve}><ApprovalsPage /></RequireRole>} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="customers/:id" element={<CustomerPage />} />
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
