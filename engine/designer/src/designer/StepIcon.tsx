import {
  Bell,
  CalendarClock,
  CircleDot,
  CircleStop,
  Clock,
  FlaskConical,
  Gauge,
  GitBranch,
  GitFork,
  GitMerge,
  Hourglass,
  ListChecks,
  Mail,
  Megaphone,
  MessageSquare,
  ShieldCheck,
  Shuffle,
  Split,
  StickyNote,
  Tag,
  Variable,
  Webhook,
  Workflow,
  Zap,
  type LucideIcon,
} from 'lucide-react';

const byType: Record<string, LucideIcon> = {
  trigger: Zap,
  condition: GitBranch,
  switch: ListChecks,
  split: Split,
  abTest: FlaskConical,
  fork: GitFork,
  join: GitMerge,
  waitForDuration: Clock,
  waitForEvent: Hourglass,
  waitUntil: CalendarClock,
  approval: ShieldCheck,
  scoreGate: Gauge,
  setVariable: Variable,
  note: StickyNote,
  end: CircleStop,
  externalTask: Workflow,
  subWorkflow: Workflow,
};

/** Plugin actions by the first part of their type ("email.send" → email). */
const byActionFamily: Record<string, LucideIcon> = {
  email: Mail,
  sms: MessageSquare,
  push: Bell,
  webhook: Webhook,
  crm: Tag,
  sales: Megaphone,
  retargeting: Shuffle,
  ads: Megaphone,
};

/** The icon of a step: by its activity type, or for an action by the family of the action it runs. */
export function StepIcon({ type, action }: { type: string; action?: string }) {
  const Icon = (action ? byActionFamily[action.split('.')[0]] : undefined) ?? byType[type] ?? (action ? Zap : CircleDot);
  return <Icon className="step-icon" size={16} aria-hidden="true" focusable="false" />;
}
