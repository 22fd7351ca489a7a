using System.Globalization;
using System.Text;
using Automation.Plugins.Sdk;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Retargeting;

/// <summary>
/// The fallback without an audience API: appends each change to {ExportFolder}/{audience}.csv, ready for a manual
/// upload. Writes are serialized because the host runs handlers concurrently.
/// </summary>
public sealed class AudienceCsvExport(IOptions<RetargetingSettings> options, TimeProvider clock) : IDisposable
{
    public const string Header = "timestamp,audience,operation,email_sha256,phone_sha256";

    private readonly RetargetingSettings settings = options.Value;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <param name="audience">Already checked to be a safe file name.</param>
    public async Task<ActionResult> AppendAsync(string audience, AudienceOperation operation, AudienceMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (string.IsNullOrWhiteSpace(settings.ExportFolder))
        {
            return ActionResult.Permanent("neither BaseUrl nor ExportFolder is configured under Automation:Plugins:Retargeting");
        }

        var path = Path.Combine(Path.GetFullPath(settings.ExportFolder), audience + ".csv");
        var row = string.Join(
            ',',
            clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            audience,
            operation == AudienceOperation.Exclude ? "exclude" : "include",
            member.EmailSha256 ?? "",
            member.PhoneSha256 ?? "");

        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
            if (stream.Length == 0)
            {
                await writer.WriteLineAsync(Header);
            }

            await writer.WriteLineAsync(row);
        }
        catch (UnauthorizedAccessException ex)
        {
            return ActionResult.Permanent($"cannot write {path}: {ex.Message}");
        }
        catch (IOException ex)
        {
            // A full disk or a file held open by a reader may pass.
            return ActionResult.Retryable($"cannot write {path}: {ex.Message}");
        }
        finally
        {
            gate.Release();
        }

        return ActionResult.Success($"appended an {(operation == AudienceOperation.Exclude ? "exclude" : "include")} row to {path}");
    }

    public void Dispose() => gate.Dispose();
}
