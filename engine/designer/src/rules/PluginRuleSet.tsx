import type { RuleSetView } from '../api';

/** A rule set a plugin ships, written in C#: its rules' names, descriptions and priorities, read-only. */
export function PluginRuleSet({ ruleSet }: { ruleSet: RuleSetView }) {
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{ruleSet.name}</h1>
          <p className="muted">
            {ruleSet.description} From plugin <strong>{ruleSet.plugin}</strong>: written in C#, read-only here.
          </p>
        </div>
      </header>
      <table className="table" data-testid="plugin-rules">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Priority</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {(ruleSet.pluginRules ?? []).map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td>{r.priority}</td>
              <td>{r.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
