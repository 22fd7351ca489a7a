using System.Reflection;
using System.Runtime.Loader;

namespace Automation.Composition.Plugins;

/// <summary>
/// Each plugin gets its own load context for its private dependencies; the SDK, the Microsoft.Extensions
/// abstractions and NRules (a plugin's rule classes run on the host's rule engine) come from the host so that types
/// match across the boundary.
/// </summary>
public sealed class PluginLoadContext(string mainAssemblyPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false)
{
    private readonly AssemblyDependencyResolver resolver = new(mainAssemblyPath);

    public static bool IsShared(AssemblyName name) =>
        name.Name is { } n && (n == "Automation.Plugins.Sdk" || n == "NRules" || n.StartsWith("NRules.", StringComparison.Ordinal) || n.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
        {
            return Default.LoadFromAssemblyName(assemblyName);
        }

        var path = resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
