namespace Automation.Host.Access;

public static class Policies
{
    /// <summary>Any signed-in person (the default for endpoints that name no policy).</summary>
    public const string Person = "person";

    /// <summary>People whose work needs customers' personal data: marketers, approvers, admins.</summary>
    public const string ReadPeople = "read-people";

    /// <summary>Aggregate figures without personal data: any signed-in person, or a reporting key.</summary>
    public const string Report = "report";

    public const string Design = "design";
    public const string Decide = "decide";

    /// <summary>An ingestion key, or an integrator or admin signed in.</summary>
    public const string Ingest = "ingest";

    public const string Administer = "administer";
}
