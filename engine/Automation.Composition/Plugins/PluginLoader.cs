using System.Reflection;
using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Engine.Rules;
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
        var ruleSetKeys = new HashSet<string>(StringComparer.Ordinal);
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
                plugins.Add(Load(main, catalog, ruleSetKeys));
            }
        }

        return plugins;
    }

    private static LoadedPlugin Load(string path, ActionCatalog catalog, HashSet<string> ruleSetKeys)
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

            // Rule sets first: a rule class that does not load fails the whole plugin, before any of its actions is registered.
            var ruleSets = new List<CompiledRuleSet>();
            foreach (var ruleSet in plugin.RuleSets)
            {
                if (!PluginRuleSetCompiler.TryCompile(manifest.Name, ruleSet, out var compiled, out var error))
                {
                    return Failed(manifest.Name, path, error, manifest);
                }

                if (ruleSetKeys.Contains(compiled!.Key) || ruleSets.Exists(r => r.Key == compiled.Key))
                {
                    return Failed(manifest.Name, path, $"rule set '{compiled.Key}': another plugin already provides it", manifest);
                }

                ruleSets.Add(compiled);
            }

            ruleSetKeys.UnionWith(ruleSets.Select(r => r.Key));
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
                RuleSets = ruleSets,
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
