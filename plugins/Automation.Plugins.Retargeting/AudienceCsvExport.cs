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
    /// <returns>One result for every member: the rows are appended together or not at all.</returns>
    public async Task<IReadOnlyList<ActionResult>> AppendAsync(string audience, AudienceOperation operation, IReadOnlyList<AudienceMember> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        var result = await AppendRowsAsync(audience, operation, members, cancellationToken);
        return [.. members.Select(_ => result)];
    }

    public void Dispose() => gate.Dispose();

    private async Task<ActionResult> AppendRowsAsync(string audience, AudienceOperation operation, IReadOnlyList<AudienceMember> members, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.ExportFolder))
        {
            return ActionResult.Permanent("neither BaseUrl nor ExportFolder is configured under Automation:Plugins:Retargeting");
        }

        var path = Path.Combine(Path.GetFullPath(settings.ExportFolder), audience + ".csv");
        var at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var verb = operation == AudienceOperation.Exclude ? "exclude" : "include";
        var rows = string.Join('\n', members.Select(m => string.Join(',', at, audience, verb, m.EmailSha256 ?? "", m.PhoneSha256 ?? "")));

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

            await writer.WriteLineAsync(rows);
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

        return ActionResult.Success($"appended an {verb} row to {path}");
    }
}
