namespace Automation.Integration.Tests.Support;

/// <summary>Small workflows for durability tests, written to a folder the host imports and publishes on start.</summary>
public static class ProbeWorkflows
{
    /// <summary>Waits up to 7 days for "probe_answered" after "probe_started".</summary>
    public const string EventWait = """
        {
          "id": "probe-event-wait", "name": "Probe: wait for an answer",
          "trigger": { "type": "event", "event": "probe_started" }, "reentry": { "policy": "always" },
          "activities": [
            { "id": "wait", "type": "waitForEvent", "event": "probe_answered", "timeout": "P7D" },
            { "id": "done", "type": "end" }
          ],
          "connections": [ { "from": "wait", "port": "event", "to": "done" }, { "from": "wait", "port": "timeout", "to": "done" } ]
        }
        """;

    /// <summary>Waits ten seconds after "probe_timer".</summary>
    public const string ShortTimer = """
        {
          "id": "probe-short-timer", "name": "Probe: ten-second wait",
          "trigger": { "type": "event", "event": "probe_timer" }, "reentry": { "policy": "always" },
          "activities": [
            { "id": "pause", "type": "waitForDuration", "duration": "PT10S" },
            { "id": "done", "type": "end" }
          ],
          "connections": [ { "from": "pause", "port": "done", "to": "done" } ]
        }
        """;

    /// <summary>Emails the customer once after "probe_mail".</summary>
    public const string SendMail = """
        {
          "id": "probe-mail", "name": "Probe: one email",
          "trigger": { "type": "event", "event": "probe_mail" }, "reentry": { "policy": "once" },
          "activities": [
            { "id": "mail", "type": "action", "action": "email.send", "input": { "template": "welcome" } },
            { "id": "done", "type": "end" }
          ],
          "connections": [ { "from": "mail", "port": "done", "to": "done" } ]
        }
        """;

    /// <summary>After "probe_pair": a one-second wait, one email, then a wait for "probe_reply".</summary>
    public const string PausedMailThenReply = """
        {
          "id": "probe-paused-mail", "name": "Probe: wait, email, wait for a reply",
          "trigger": { "type": "event", "event": "probe_pair" }, "reentry": { "policy": "once" },
          "activities": [
            { "id": "pause", "type": "waitForDuration", "duration": "PT1S" },
            { "id": "mail", "type": "action", "action": "email.send", "input": { "template": "welcome" } },
            { "id": "reply", "type": "waitForEvent", "event": "probe_reply", "timeout": "P7D" },
            { "id": "done", "type": "end" }
          ],
          "connections": [
            { "from": "pause", "port": "done", "to": "mail" },
            { "from": "mail", "port": "done", "to": "reply" },
            { "from": "reply", "port": "event", "to": "done" }
          ]
        }
        """;

    public static string WriteFolder(params string[] definitions)
    {
        var folder = Path.Combine(Path.GetTempPath(), "automation-probe-workflows", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        for (var i = 0; i < definitions.Length; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"probe-{i}.json"), definitions[i]);
        }

        return folder;
    }
}
