using System.Reflection;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>The built-in activity types, discovered from their [Activity] declarations; never a hand-kept list.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, (IActivity Activity, ActivityAttribute Declaration)> activities;

    public ActivityRegistry()
    {
        activities = typeof(ActivityRegistry).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IActivity).IsAssignableFrom(t))
            .Select(t => (Type: t, Declaration: t.GetCustomAttribute<ActivityAttribute>()))
            .Where(x => x.Declaration is not null)
            .ToDictionary(x => x.Declaration!.Type, x => ((IActivity)Activator.CreateInstance(x.Type)!, x.Declaration!), StringComparer.Ordinal);
    }

    public IEnumerable<(IActivity Activity, ActivityAttribute Declaration)> All => activities.Values.OrderBy(a => a.Declaration.Type, StringComparer.Ordinal);

    public bool TryGet(string type, out IActivity activity, out ActivityAttribute declaration)
    {
        if (activities.TryGetValue(type, out var found))
        {
            (activity, declaration) = found;
            return true;
        }

        activity = null!;
        declaration = null!;
        return false;
    }
}
