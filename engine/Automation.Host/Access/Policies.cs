namespace Automation.Host.Access;

public static class Policies
{
    public const string Design = "design";
    public const string Decide = "decide";
    public const string Ingest = "ingest";
    public const string Administer = "administer";
}
