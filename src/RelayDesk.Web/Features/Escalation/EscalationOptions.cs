namespace RelayDesk.Web.Features.Escalation;

/// <summary>Where the escalation rules come from.</summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    /// <summary>
    /// A rules file (JSON, <c>{ "rules": [ … ] }</c>) replacing the built-in rules; relative to the content root.
    /// Default: none, the built-in rules. The file is validated on start: a bad pattern or a disabled explicit-request
    /// rule stops the app with a message that says what to change.
    /// </summary>
    public string? RulesFile { get; set; }
}
