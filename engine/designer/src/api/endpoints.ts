// Every call the app makes to the server, in one place (docs/web-api.md).
import { http, query, request } from './http';
import type {
  ApprovalGroup,
  GroupDecisionResult,
  ActionRecord,
  ActivityDescriptor,
  ApiKey,
  AntiforgeryToken,
  Approval,
  BatchApproveResult,
  ClusteringResult,
  CustomerDetail,
  CustomerEvent,
  CustomersPage,
  Dashboard,
  ElsaImportResult,
  ErrorQueueMessage,
  ExpressionMember,
  ExpressionValidation,
  Health,
  InstanceDetail,
  LiveView,
  MigrationReport,
  MigrationRequest,
  NewApiKey,
  NewSuppression,
  OutboxEmail,
  OutboxList,
  PluginInfo,
  ConnectorQueue,
  RuleSetDocument,
  RuleSetEvaluation,
  RuleSetSaved,
  RuleSetSummary,
  RuleSetTrialSubject,
  RuleSetView,
  PublishResult,
  RetryAccepted,
  RfmGrid,
  SavedWorkflow,
  Segment,
  SegmentMembersPage,
  SegmentPreview,
  SegmentSizePoint,
  SetAsideCustomer,
  ClusterView,
  SimulationResult,
  KeyScope,
  Suppression,
  NewUser,
  User,
  UserAccount,
  UserChange,
  WorkflowDefinition,
  WorkflowDetail,
  WorkflowDiff,
  WorkflowInstance,
  WorkflowSummary,
  WorkflowValidation,
  TemplateContent,
  TemplatePreview,
  TemplateSaved,
  TemplateSummary,
  TemplateView,
  TestSent,
  ModelActivation,
  ScoreModelDetail,
  ScoreModelSummary,
  TrainingJob,
  TrainingResult,
} from './types';

const enc = encodeURIComponent;

export const authApi = {
  signIn: (email: string, password: string) =>
    request<User>('POST', '/api/auth/signin', { body: { email, password }, allowUnauthorized: true }),
  signOut: () => http.post<void>('/api/auth/signout'),
  me: () => request<User>('GET', '/api/auth/me', { allowUnauthorized: true }),
  antiforgery: () => http.get<AntiforgeryToken>('/api/auth/antiforgery'),
};

export const usersApi = {
  list: () => http.get<UserAccount[]>('/api/users'),
  create: (user: NewUser) => http.post<UserAccount>('/api/users', user),
  change: (email: string, change: UserChange) => http.put<UserAccount>(`/api/users/${enc(email)}`, change),
  confirm: (email: string) => http.post<UserAccount>(`/api/users/${enc(email)}/confirm`),
};

export const keysApi = {
  list: () => http.get<ApiKey[]>('/api/keys'),
  create: (name: string, scope: KeyScope) => http.post<NewApiKey>('/api/keys', { name, scope }),
  relabel: (id: string, name: string) => http.put<ApiKey>(`/api/keys/${enc(id)}`, { name }),
  revoke: (id: string) => http.delete<void>(`/api/keys/${enc(id)}`),
};

export const paletteApi = {
  activities: () => http.get<ActivityDescriptor[]>('/api/activities'),
  members: () => http.get<ExpressionMember[]>('/api/expressions/members'),
  validateExpression: (expression: string, signal?: AbortSignal) =>
    request<ExpressionValidation>('POST', '/api/expressions/validate', { body: { expression }, signal }),
};

export const workflowsApi = {
  list: () => http.get<WorkflowSummary[]>('/api/workflows'),
  get: (id: string) => http.get<WorkflowDetail>(`/api/workflows/${enc(id)}`),
  version: (id: string, version: number) =>
    http.get<WorkflowDefinition>(`/api/workflows/${enc(id)}/versions/${version}`),
  create: (definition: WorkflowDefinition) => http.post<SavedWorkflow>('/api/workflows', definition),
  save: (id: string, definition: WorkflowDefinition) => http.put<SavedWorkflow>(`/api/workflows/${enc(id)}`, definition),
  validate: (id: string, definition: WorkflowDefinition) =>
    http.post<WorkflowValidation>(`/api/workflows/${enc(id)}/validate`, definition),
  publish: (id: string, startCurrentMembers = false) => http.post<PublishResult>(`/api/workflows/${enc(id)}/publish`, { startCurrentMembers }),
  diff: (id: string) => http.get<WorkflowDiff>(`/api/workflows/${enc(id)}/diff`),
  disable: (id: string) => http.post<void>(`/api/workflows/${enc(id)}/disable`),
  enable: (id: string) => http.post<void>(`/api/workflows/${enc(id)}/enable`),
  simulate: (id: string, days: number | undefined, definition?: WorkflowDefinition) =>
    http.post<SimulationResult>(`/api/workflows/${enc(id)}/simulate`, { days, definition }),
  importElsa: (elsaJson: string) => http.post<ElsaImportResult>('/api/workflows/import/elsa', elsaJson),
  instances: (id: string, status?: string) =>
    http.get<WorkflowInstance[]>(`/api/workflows/${enc(id)}/instances${query({ status })}`),
  live: (id: string) => http.get<LiveView>(`/api/workflows/${enc(id)}/live`),
  previewMigration: (id: string, request: MigrationRequest) => http.post<MigrationReport>(`/api/workflows/${enc(id)}/migrations/preview`, request),
  migrate: (id: string, request: MigrationRequest) => http.post<MigrationReport>(`/api/workflows/${enc(id)}/migrations`, request),
  instance: (instanceId: string) => http.get<InstanceDetail>(`/api/instances/${enc(instanceId)}`),
};

export const approvalsApi = {
  list: (status?: string, workflowId?: string) => http.get<Approval[]>(`/api/approvals${query({ status, workflowId })}`),
  approve: (id: string, comment: string) => http.post<Approval>(`/api/approvals/${enc(id)}/approve`, { comment }),
  reject: (id: string, comment: string) => http.post<Approval>(`/api/approvals/${enc(id)}/reject`, { comment }),
  approveBatch: (workflowId: string, comment: string) =>
    http.post<BatchApproveResult>('/api/approvals/approve-batch', { workflowId, comment }),
  groups: (status?: string, workflowId?: string) => http.get<ApprovalGroup[]>(`/api/approvals/groups${query({ status, workflowId })}`),
  approveGroup: (id: string, comment: string, remove: string[]) =>
    http.post<GroupDecisionResult>(`/api/approvals/groups/${enc(id)}/approve`, { comment, remove }),
  rejectGroup: (id: string, comment: string) => http.post<GroupDecisionResult>(`/api/approvals/groups/${enc(id)}/reject`, { comment }),
};

export const segmentsApi = {
  list: () => http.get<Segment[]>('/api/segments'),
  save: (segment: Segment) => http.put<Segment>(`/api/segments/${enc(segment.key)}`, segment),
  preview: (expression: string) => http.post<SegmentPreview>('/api/segments/preview', { expression }),
  members: (key: string, skip: number, take: number) =>
    http.get<SegmentMembersPage>(`/api/segments/${enc(key)}/members${query({ skip, take })}`),
  history: (key: string) => http.get<SegmentSizePoint[]>(`/api/segments/${enc(key)}/history`),
  rfmGrid: () => http.get<RfmGrid>('/api/rfm/grid'),
  clusters: (k: number) => http.post<ClusteringResult>('/api/discovery/clusters', { k }),
};

export const customersApi = {
  search: (search: string, skip: number, take: number) =>
    http.get<CustomersPage>(`/api/customers${query({ search, skip, take })}`),
  get: (id: string) => http.get<CustomerDetail>(`/api/customers/${enc(id)}`),
  events: (id: string, take = 100) => http.get<CustomerEvent[]>(`/api/customers/${enc(id)}/events${query({ take })}`),
  erase: (id: string) => http.delete<void>(`/api/customers/${enc(id)}`),
};

export const modelsApi = {
  list: () => http.get<ScoreModelSummary[]>('/api/scores/models'),
  get: (id: string) => http.get<ScoreModelDetail>(`/api/scores/models/${enc(id)}`),
  /** Makes a version the one scores come from (newer or older: a roll back) and re-scores every profile with it. */
  activate: (id: string) => http.post<ModelActivation>(`/api/scores/models/${enc(id)}/activate`),
  /** Trains the candidates; an activated version scores every profile before the answer. */
  train: (request: { target: string; horizonDays: number; force?: boolean }) => http.post<TrainingResult>('/api/scores/models/train', request),
  /** The same run in the background: poll it with trainingStatus for its stage and the profiles scored. */
  startTraining: (request: { target: string; horizonDays: number; force?: boolean }) => http.post<TrainingJob>('/api/scores/models/training', request),
  trainingStatus: (id: string) => http.get<TrainingJob>(`/api/scores/models/training/${enc(id)}`),
};

export const operationsApi = {
  dashboard: () => http.get<Dashboard>('/api/dashboard'),
  actions: (filter: { status?: string; customerId?: string; workflowId?: string; take?: number }) =>
    http.get<ActionRecord[]>(`/api/actions${query(filter)}`),
  retryAction: (id: string) => http.post<void>(`/api/actions/${enc(id)}/retry`),
  /** A person settles an action whose outcome is unknown: send it again, record it as sent, or cancel it. */
  settleAction: (id: string, decision: 'resend' | 'mark-sent' | 'cancel') => http.post<ActionRecord>(`/api/actions/${enc(id)}/${decision}`),
  suppressions: () => http.get<Suppression[]>('/api/suppressions'),
  addSuppression: (entry: NewSuppression) => http.post<Suppression>('/api/suppressions', entry),
  removeSuppression: (id: string) => http.delete<void>(`/api/suppressions/${enc(id)}`),
  plugins: () => http.get<PluginInfo[]>('/api/plugins'),
  outbox: () => http.get<OutboxList>('/api/outbox'),
  outboxEmail: (id: string) => http.get<OutboxEmail>(`/api/outbox/${enc(id)}`),
  connectors: () => http.get<ConnectorQueue[]>('/api/connectors'),
  ruleSets: () => http.get<RuleSetSummary[]>('/api/rule-sets'),
};

export const ruleSetsApi = {
  list: () => http.get<RuleSetSummary[]>('/api/rule-sets'),
  get: (key: string) => http.get<RuleSetView>(`/api/rule-sets/${enc(key)}`),
  /** Saving publishes: the new version decides from the next evaluation on. */
  save: (key: string, content: { name: string; description: string; rules: RuleSetDocument }) =>
    http.put<RuleSetSaved>(`/api/rule-sets/${enc(key)}`, content),
  /** Runs a draft, compiled but not saved, on a customer or on pasted facts. */
  tryDraft: (key: string, rules: RuleSetDocument, subject: RuleSetTrialSubject) =>
    http.post<RuleSetEvaluation>(`/api/rule-sets/${enc(key)}/try`, { rules, ...subject }),
};

export const errorQueuesApi = {
  list: () => http.get<ErrorQueueMessage[]>('/api/error-queues'),
  replay: (id: string) => http.post<ErrorQueueMessage>(`/api/error-queues/messages/${enc(id)}/replay`),
  discard: (id: string) => http.delete<ErrorQueueMessage>(`/api/error-queues/messages/${enc(id)}`),
};

export const processingApi = {
  health: () => http.get<Health>('/health'),
  setAside: () => http.get<SetAsideCustomer[]>('/api/processing/quarantine'),
  retry: (customerId: string) => http.post<RetryAccepted>(`/api/processing/quarantine/${enc(customerId)}/retry`),
  cluster: () => http.get<ClusterView>('/api/cluster'),
};

export const templatesApi = {
  list: () => http.get<TemplateSummary[]>('/api/templates'),
  get: (key: string) => http.get<TemplateView>(`/api/templates/${enc(key)}`),
  create: (key: string, content: TemplateContent) => http.post<TemplateSaved>('/api/templates', { key, ...content }),
  save: (key: string, content: TemplateContent) => http.put<TemplateSaved>(`/api/templates/${enc(key)}`, content),
  preview: (customerId: string, template: Omit<TemplateContent, 'name'>) =>
    http.post<TemplatePreview>('/api/templates/preview', { customerId, template }),
  testSend: (key: string, customerId: string) => http.post<TestSent>(`/api/templates/${enc(key)}/test`, { customerId }),
};
