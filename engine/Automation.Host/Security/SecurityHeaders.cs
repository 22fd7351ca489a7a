namespace Automation.Host.Security;

/// <summary>The headers every response carries, API and web app alike.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The web app loads only its own built scripts, styles and API: no inline script, no eval, no third-party origin.
    /// Styles set from script (React's style props, React Flow's transforms) are not inline styles and need no exception.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void Add(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
