using Automation.Plugins.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Automation.Integration.Tests.Support;

/// <summary>
/// Compiles a small plugin from C# source into a plugins folder, as an integrator's build would drop it there: one
/// folder named like the assembly, referencing only the SDK. Lets a test make plugins that are broken on purpose.
/// </summary>
public static class PluginCompiler
{
    public static void Compile(string pluginsFolder, string assemblyName, string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            .Append(typeof(IAutomationPlugin).Assembly.Location)
            .Append(typeof(NRules.Fluent.Dsl.Rule).Assembly.Location)
            .Append(typeof(NRules.RuleModel.IContext).Assembly.Location)
            .Append(typeof(NRules.ISession).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var folder = Path.Combine(pluginsFolder, assemblyName);
        Directory.CreateDirectory(folder);
        using var output = File.Create(Path.Combine(folder, assemblyName + ".dll"));
        var result = compilation.Emit(output);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{assemblyName} did not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
    }
}
