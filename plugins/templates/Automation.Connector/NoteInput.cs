namespace Acme.Connector;

/// <summary>The action's input as the workflow gives it (matches the schema in ConnectorPlugin).</summary>
public sealed class NoteInput
{
    public string Text { get; set; } = "";
}
