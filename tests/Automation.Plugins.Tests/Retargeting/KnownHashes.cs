namespace Automation.Plugins.Tests.Retargeting;

/// <summary>
/// SHA-256 hex of normalized identifiers, computed outside .NET (printf '%s' VALUE | sha256sum) so a slip in the
/// plugin's hashing cannot also slip into the expectation.
/// </summary>
public static class KnownHashes
{
    /// <summary>jane.doe@example.com</summary>
    public const string JaneDoeEmail = "86e0b9e56c17cc4d12387e1949b85053fbe73bc3ce5a1188713a9d300cc6133d";

    /// <summary>johnsmith@gmail.com</summary>
    public const string JohnSmithGmail = "3586de92bb3636d0885a12eff961429a32e4ebd764b96f50d85d016f9338d586";

    /// <summary>john.smith+ads@example.com (not Gmail: dots and tags stay)</summary>
    public const string JohnSmithTaggedExample = "47306a1ab232cbe120a7e098d0e8e6fe41dd3b4ebd133e3e5772a5bcf2ac9e1e";

    /// <summary>14155550123, the E.164 digits of +1 (415) 555-0123</summary>
    public const string UsPhone = "413ba75461ab5f99d36820e561ea97e2bd80f9cb586f7ecea6cf4c496518950a";
}
