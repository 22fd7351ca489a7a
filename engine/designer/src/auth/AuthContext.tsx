import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, authApi, setAntiforgeryToken, setUnauthorizedHandler, type Role, type User } from '../api';

interface AuthState {
  user: User | null;
  /** True until we know whether the browser already holds a session. */
  checking: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** The antiforgery token is bound to the signed-in user: fetch it right after we know who that is. */
async function loadAntiforgery(): Promise<void> {
  setAntiforgeryToken(null);
  const token = await authApi.antiforgery();
  setAntiforgeryToken(token);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setAntiforgeryToken(null);
      setUser(null);
    });
    let cancelled = false;
    authApi
      .me()
      .then(async (me) => {
        await loadAntiforgery();
        if (!cancelled) setUser(me);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError && e.status === 401) && !cancelled) setUser(null);
      })
      .finally(() => {
        if (!cancelled) setChecking(false);
      });
    return () => {
      cancelled = true;
      setUnauthorizedHandler(null);
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const signedIn = await authApi.signIn(email, password);
    await loadAntiforgery();
    setUser(signedIn);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.signOut();
    } finally {
      setAntiforgeryToken(null);
      setUser(null);
    }
  }, []);

  const hasRole = useCallback((...roles: Role[]) => !!user && user.roles.some((r) => roles.includes(r)), [user]);

  const value = useMemo(() => ({ user, checking, signIn, signOut, hasRole }), [user, checking, signIn, signOut, hasRole]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** Who sees what: the server enforces it, the nav only avoids offering what would be refused. */
export const roleAccess = {
  design: ['admin', 'marketer'] as Role[],
  approve: ['admin', 'approver'] as Role[],
  administer: ['admin'] as Role[],
  /** Customers, the dispatch log, workflows: pages that show people's data. */
  readPeople: ['admin', 'marketer', 'approver'] as Role[],
};
