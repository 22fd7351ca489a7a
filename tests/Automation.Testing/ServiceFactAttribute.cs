using Xunit;

namespace Automation.Testing;

/// <summary>
/// A test on real services. Outside CI it is skipped, with the reason, when a service is not running;
/// under CI=true it runs anyway and fails on the missing service: CI never skips.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServiceFactAttribute : FactAttribute
{
    public ServiceFactAttribute(params string[] variables)
    {
        Variables = variables;
        var missing = variables.Where(v => TestServices.Get(v) is null).ToList();
        if (missing.Count > 0 && !TestServices.InCi)
        {
            Skip = $"needs {string.Join(", ", missing)} (run ./test.sh, or scripts/test-services.sh start and eval \"$(scripts/test-services.sh env)\")";
        }
    }

    public IReadOnlyList<string> Variables { get; }
}
