namespace Automation.Engine.Tests.Expressions;

/// <summary>Expressions a hostile or careless user might save, each trying to reach the machine.</summary>
public static class SandboxPayloads
{
    public static TheoryData<string> All() =>
    [
        // CVE-2023-32571: System.Linq.Dynamic.Core let string.GetType() reach reflection and invoke any method.
        "\"\".GetType().Assembly.DefinedTypes.Where(it.Name == \"AppDomain\").First().DeclaredMethods.Where(it.Name == \"CreateInstanceAndUnwrap\").First() != null",
        "\"\".GetType().Assembly.GetType(\"System.IO.File\") != null",
        "Features.GetType().Assembly != null",
        "Features.CustomerId.GetType().GetMethod(\"Clone\") != null",
        "np(Features).GetType().Name == \"x\"",
        "System.IO.File.Exists(\"/etc/passwd\")",
        "System.IO.File.ReadAllText(\"/etc/passwd\").Length > 0",
        "System.IO.Directory.GetFiles(\"/\").Length > 0",
        "Environment.GetEnvironmentVariable(\"HOME\") != null",
        "System.Environment.ProcessorCount > 0",
        "System.Diagnostics.Process.Start(\"sh\") != null",
        "Type.GetType(\"System.IO.File\") != null",
        "System.Type.GetType(\"System.Diagnostics.Process\") != null",
        "Activator.CreateInstance(\"mscorlib\", \"System.Object\") != null",
        "System.Reflection.Assembly.Load(\"System.Private.CoreLib\") != null",
        "AppDomain.CurrentDomain.GetAssemblies().Length > 0",
        "System.Threading.Thread.Sleep(10000) == null",
        "new System.Net.WebClient() != null",
        "new System.Text.StringBuilder(\"x\").Length > 0",
        "Features.Purchases.GetType() != null",
        "Math.Max(1, 2).GetType().Assembly.Location != \"\"",
        "(Features as object).GetType() != null",
        "Features.Purchases is int",
        "new[] { 1, 2 }.Length > 0",
        "Enumerable.Range(0, 100000000).Count() > 0",
    ];
}
