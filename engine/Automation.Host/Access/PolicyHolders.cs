namespace Automation.Host.Access;

/// <summary>
/// Who each policy lets in: signed-in people with one of its roles and, for some policies, an API key of one scope.
/// The policies are built from this table and the OpenAPI document states it per operation, so the two cannot differ.
/// </summary>
public static class PolicyHolders
{
    public static IReadOnlyDictionary<string, PolicyHolder> All { get; } = new Dictionary<string, PolicyHolder>(StringComparer.Ordinal)
    {
        [Policies.Person] = new(Roles.Ordered, null),
        [Policies.ReadPeople] = new([Roles.Marketer, Roles.Approver, Roles.Admin], null),
        [Policies.Report] = new(Roles.Ordered, KeyScopes.Reporting),
        [Policies.Design] = new([Roles.Marketer, Roles.Admin], null),
        [Policies.Decide] = new([Roles.Approver, Roles.Admin], null),
        [Policies.Ingest] = new([Roles.Integrator, Roles.Admin], KeyScopes.Ingest),
        [Policies.Administer] = new([Roles.Admin], null),
    };

    /// <summary>The policy of endpoints that require authorization without naming a policy.</summary>
    public static PolicyHolder Default => All[Policies.Person];
}
