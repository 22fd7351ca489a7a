using System.Text.Json.Nodes;
using Automation.Host.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Automation.Host.Api;

/// <summary>
/// Every operation of the OpenAPI document states who may call it, read from the authorization policies on its
/// endpoint: the roles (x-roles), the API key scope that passes too (x-api-key-scope), a sentence in the description
/// and the security schemes that apply.
/// </summary>
public static class OperationRoles
{
    public const string RolesExtension = "x-roles";

    public const string KeyScopeExtension = "x-api-key-scope";

    /// <summary>The role named for operations anyone may call.</summary>
    public const string Anonymous = "anonymous";

    public static void AddOperationRoles(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context, Holder(context.Description.ActionDescriptor.EndpointMetadata));
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Who passes every policy on the endpoint (a group's and the route's both apply); null when it allows anyone.
    /// </summary>
    public static PolicyHolder? Holder(IList<object> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy is null ? PolicyHolders.Default : PolicyHolders.All[a.Policy]).ToList();
        if (metadata.OfType<IAllowAnonymous>().Any() || policies.Count == 0)
        {
            return null;
        }

        var roles = Roles.Ordered.Where(r => policies.TrueForAll(p => p.Roles.Contains(r))).ToList();
        var scope = policies.Select(p => p.KeyScope).Distinct().ToList() is [{ } single] ? single : null;
        return new PolicyHolder(roles, scope);
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, PolicyHolder? holder)
    {
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        IReadOnlyList<string> roles = holder is null ? [Anonymous] : holder.Roles;
        operation.Extensions[RolesExtension] = new JsonNodeExtension(new JsonArray([.. roles.Select(r => JsonValue.Create(r))]));
        if (holder?.KeyScope is { } scope)
        {
            operation.Extensions[KeyScopeExtension] = new JsonNodeExtension(JsonValue.Create(scope));
        }

        var who = holder is null
            ? "Who may call it: anyone (no sign-in)."
            : $"Who may call it: signed-in {string.Join(", ", holder.Roles)}" + (holder.KeyScope is { } key ? $"; or an API key of scope {key}." : ".");
        operation.Description = string.IsNullOrEmpty(operation.Description) ? who : $"{operation.Description}\n\n{who}";
        if (holder is null)
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiReference.SessionScheme, context.Document)] = [] });
        if (holder.KeyScope is not null)
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiReference.ApiKeyScheme, context.Document)] = [] });
        }
    }
}
