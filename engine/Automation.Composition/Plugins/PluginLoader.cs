using System.Reflection;
using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Plugins.Sdk;

namespace Automation.Composition.Plugins;

/// <summary>
/// Finds plugins in the plugins folder (one sub-folder per plugin, its main assembly named like the folder) and
/// loads each in isolation. A plugin that fails is reported and skipped; the engine runs on without it.
/// </summary>
public static class PluginLoader
{
    public static IReadOnlyList<LoadedPlugin> LoadAll(string folder, ActionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var plugins = new List<LoadedPlugin>();
        foreach (var directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var main = Path.Combine(directory, Path.GetFileName(directory) + ".dll");
            if (File.Exists(main))
            {
                plugins.Add(Load(main, catalog));
            }
        }

        return plugins;
    }

    private static LoadedPlugin Load(string path, ActionCatalog catalog)
    {
        var fallbackName = Path.GetFileNameWithoutExtension(path);
        try
        {
            var assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
            var type = assembly.GetTypes().FirstOrDefault(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IAutomationPlugin).IsAssignableFrom(t));
            if (type is null)
            {
                return Failed(fallbackName, path, "no public class implements IAutomationPlugin");
            }

            IAutomationPlugin plugin;
            try
            {
                plugin = (IAutomationPlugin)Activator.CreateInstance(type)!;
            }
            catch (TargetInvocationException ex)
            {
                return Failed(fallbackName, path, $"{type.Name} threw while being created: {ex.InnerException?.Message ?? ex.Message}");
            }

            var manifest = plugin.Manifest;
            if (!SdkVersionRange.Includes(manifest.SdkVersionRange, SdkInfo.Version, out var why))
            {
                return Failed(manifest.Name, path, $"incompatible SDK: {why}", manifest);
            }

            var declared = new List<string>();
            var rejected = new List<string>();
            foreach (var action in plugin.Actions)
            {
                if (!typeof(ActionHandler).IsAssignableFrom(action.HandlerType))
                {
                    rejected.Add($"{action.Type}: its handler {action.HandlerType.Name} is not an ActionHandler");
                }
                else if (catalog.Register(manifest.Name, action))
                {
                    declared.Add(action.Type);
                }
                else
                {
                    rejected.Add($"{action.Type}: another plugin already provides it");
                }
            }

            return new LoadedPlugin
            {
                Name = manifest.Name,
                Path = path,
                Version = manifest.Version,
                SdkRange = manifest.SdkVersionRange,
                Instance = plugin,
                ActionTypes = declared,
                Error = rejected.Count == 0 ? null : string.Join("; ", rejected),
            };
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException or InvalidOperationException)
        {
            return Failed(fallbackName, path, ex.Message);
        }
    }

    private static LoadedPlugin Failed(string name, string path, string error, PluginManifest? manifest = null) => new()
    {
        Name = name,
        Path = path,
        Version = manifest?.Version,
        SdkRange = manifest?.SdkVersionRange,
        Error = error,
    };
}
