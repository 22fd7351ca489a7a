import type { PlacedProblem } from './ruleProblems';

/** The server's problems for one part of the editor, each with the path it named. */
export function ProblemList({ problems }: { problems: readonly PlacedProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="rule-problems" role="alert">
      {problems.map((p, i) => (
        <li key={i} data-testid={`problem-${p.path}`}>
          {p.message} <code className="muted small">{p.path}</code>
        </li>
      ))}
    </ul>
  );
}
