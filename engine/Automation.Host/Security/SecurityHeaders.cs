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

    /// <summary>
    /// The visual email editor (GrapesJS) draws the email in an about:blank iframe, which inherits this document's
    /// policy, and writes each CSS rule of the email as a style element there (and parses CSS through one). So only the
    /// editor's own document (/templates/{key}) allows inline styles; scripts stay 'self' only, and every other page
    /// keeps the strict policy. The web app opens the editor with a full page load so that it gets this document.
    /// </summary>
    public const string EmailEditorPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void Add(IHeaderDictionary headers, PathString path = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.ContentSecurityPolicy = path.StartsWithSegments(Api.ApiReference.Path) ? ApiReferencePolicy
            : IsEmailEditor(path) ? EmailEditorPolicy
            : ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    private static bool IsEmailEditor(PathString path) =>
        path.StartsWithSegments("/templates", StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue && rest.Value != "/";
}
