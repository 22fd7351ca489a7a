using System.Text.RegularExpressions;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Import;
using Automation.Engine.Workflows.Runtime;
using FluentValidation;
using FluentValidation.Results;

namespace Automation.Engine.Workflows.Authoring;

/// <summary>Everything that makes a definition unrunnable, each problem tied to its field and, where it has one, its activity.</summary>
public sealed partial class WorkflowDefinitionValidator : AbstractValidator<WorkflowDefinition>
{
    public WorkflowDefinitionValidator(ActivityRegistry registry, ValidationServices services)
    {
        RuleFor(d => d.Id).Matches(IdPattern()).WithMessage("use 1–100 lower-case letters, digits and dashes, starting with a letter");
        RuleFor(d => d.Name).NotEmpty().WithMessage("give the workflow a name").MaximumLength(200);
        RuleFor(d => d.Trigger).NotNull().WithMessage("choose what starts the workflow");
        RuleFor(d => d.Trigger!).SetValidator(new TriggerValidator(services.Expressions)).When(d => d.Trigger is not null);
        RuleFor(d => d.Goal!).SetValidator(new GoalValidator(services.Expressions)).When(d => d.Goal is not null);
        RuleFor(d => d.Goal).NotNull().WithName("goal").When(d => d.Activities.Any(a => a.Type == Activities.AbTest.TypeName))
            .WithMessage("an A/B test measures its variants against the workflow's goal: set a goal");
        RuleFor(d => d.Reentry.Policy).Must(ReentryPolicies.All.Contains).WithName("reentry.policy")
            .WithMessage($"use one of {string.Join(", ", ReentryPolicies.All)}");
        RuleFor(d => d.Reentry.Days).NotNull().GreaterThan(0).WithName("reentry.days")
            .When(d => d.Reentry.Policy == ReentryPolicies.OncePer).WithMessage("say after how many days a customer may enter again");
        RuleFor(d => d.Activities).NotEmpty().WithMessage("add at least one activity");
        RuleForEach(d => d.Variables).Must(v => Activities.SetVariable.VariableName().IsMatch(v.Name)).WithName("variables")
            .WithMessage("a variable's name is letters, digits and underscores, starting with a letter");
        RuleFor(d => d.Variables).Must(v => v.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == v.Count).WithName("variables")
            .WithMessage("two variables have the same name");
        RuleFor(d => d).Custom((d, context) => CheckGraph(d, registry, services, context));
    }

    public static IReadOnlyList<DefinitionProblem> Problems(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors.Select(e => new DefinitionProblem(ToCamel(e.PropertyName), e.ErrorMessage, e.CustomState as string)).ToList();
    }

    private static void CheckGraph(WorkflowDefinition d, ActivityRegistry registry, ValidationServices services, ValidationContext<WorkflowDefinition> context)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ports = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var waits = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in d.Activities)
        {
            var field = $"activities[{activity.Id}]";
            if (!ActivityIdPattern().IsMatch(activity.Id))
            {
                Fail(context, field + ".id", "activity ids are 1–60 letters, digits, dashes or underscores", activity.Id);
            }
            else if (!ids.Add(activity.Id))
            {
                Fail(context, field + ".id", $"two activities are called '{activity.Id}'", activity.Id);
            }

            if (activity.Type == ElsaPlaceholder.Type)
            {
                Fail(context, field + ".type", ElsaPlaceholder.Problem(activity), activity.Id);
                continue;
            }

            if (!registry.TryGet(activity.Type, out var behavior, out var declaration))
            {
                Fail(context, field + ".type", $"unknown activity type '{activity.Type}'", activity.Id);
                continue;
            }

            ports[activity.Id] = behavior.PortsOf(activity, services);
            if (declaration.Waits)
            {
                waits.Add(activity.Id);
            }

            foreach (var (setting, message) in behavior.Validate(activity, services))
            {
                Fail(context, string.IsNullOrEmpty(setting) ? field : $"{field}.{setting}", message, activity.Id);
            }
        }

        var used = new HashSet<(string, string)>();
        for (var i = 0; i < d.Connections.Count; i++)
        {
            var c = d.Connections[i];
            if (!ids.Contains(c.From))
            {
                Fail(context, $"connections[{i}].from", $"no activity '{c.From}' to connect from");
            }
            else if (ports.TryGetValue(c.From, out var known) && !known.Contains(c.Port))
            {
                Fail(context, $"connections[{i}].port", $"'{c.From}' has no port '{c.Port}' (it has {(known.Count == 0 ? "none" : string.Join(", ", known))})", c.From);
            }
            else if (!used.Add((c.From, c.Port)))
            {
                Fail(context, $"connections[{i}].port", $"port '{c.Port}' of '{c.From}' is connected twice", c.From);
            }

            if (!ids.Contains(c.To))
            {
                Fail(context, $"connections[{i}].to", $"no activity '{c.To}' to connect to");
            }
        }

        CheckBranches(d, ports, context);
        var starts = d.Activities.Where(a => d.Connections.All(c => c.To != a.Id)).Select(a => a.Id).ToList();
        if (d.Activities.Count > 0 && starts.Count != 1)
        {
            foreach (var start in starts.Skip(1))
            {
                Fail(context, $"activities[{start}]", starts.Count == 0 ? "every activity has an incoming connection, so the workflow has no start" : $"'{start}' is not connected: only the first activity may have no incoming connection", start);
            }

            if (starts.Count == 0)
            {
                Fail(context, "connections", "every activity has an incoming connection, so the workflow has no start");
            }
        }

        if (starts.Count == 1 && HasLoopWithoutWait(d, starts[0], waits) is { } loop)
        {
            Fail(context, $"activities[{loop}]", "this activity is on a loop that never waits; add a wait to the loop", loop);
        }
    }

    /// <summary>A loop is fine only if it passes a waiting activity; otherwise an instance would spin.</summary>
    private static string? HasLoopWithoutWait(WorkflowDefinition d, string start, HashSet<string> waits)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        string? found = null;
        void Visit(string id)
        {
            if (found is not null || waits.Contains(id))
            {
                return;
            }

            state[id] = 1;
            foreach (var next in d.Connections.Where(c => c.From == id).Select(c => c.To))
            {
                var s = state.GetValueOrDefault(next);
                if (s == 1)
                {
                    found = next;
                    return;
                }

                if (s == 0)
                {
                    Visit(next);
                }
            }

            state[id] = 2;
        }

        Visit(start);
        return found;
    }

    private static void Fail(ValidationContext<WorkflowDefinition> context, string field, string message, string? activityId = null) =>
        context.AddFailure(new ValidationFailure(field, message) { CustomState = activityId });

    private static string ToCamel(string name) =>
        string.Join('.', name.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    [GeneratedRegex("^[a-z][a-z0-9-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,60}$")]
    private static partial Regex ActivityIdPattern();
}
