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

    /// <summary>
    /// The API reference page (Scalar, served from the host itself) configures itself in an inline script and styles;
    /// it still loads nothing from another origin.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void Add(IHeaderDictionary headers, PathString path = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.ContentSecurityPolicy = path.StartsWithSegments(Api.ApiReference.Path) ? ApiReferencePolicy : ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
