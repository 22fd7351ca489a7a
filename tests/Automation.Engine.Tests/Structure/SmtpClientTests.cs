using Automation.Testing;

namespace Automation.Engine.Tests.Structure;

/// <summary>The SMTP connection code exists once: every sender of mail goes through the SDK's SmtpMailer.</summary>
public sealed class SmtpClientTests
{
    [Fact]
    public void OnlyTheSdksMailerOpensSmtpConnections()
    {
        var opening = new[] { "engine", "plugins" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("new SmtpClient(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .ToList();

        Assert.Equal(["plugins/Automation.Plugins.Sdk/Mail/SmtpMailer.cs"], opening);
    }
}
