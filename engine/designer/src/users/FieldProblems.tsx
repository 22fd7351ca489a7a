/** What the server said is wrong with one field, right under it. */
export function FieldProblems({ messages, testId }: { messages: string[]; testId?: string }) {
  if (messages.length === 0) return null;
  return (
    <div className="field-problem" role="alert" data-testid={testId}>
      {messages.join(' · ')}
    </div>
  );
}
