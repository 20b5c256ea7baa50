namespace RelayDesk.Domain.Escalation;

/// <summary>Everything the rules may look at for one customer turn.</summary>
/// <param name="Text">The customer's message.</param>
/// <param name="Language">The conversation's language (<c>de</c> or <c>en</c>); patterns of both languages are checked.</param>
/// <param name="Signals">What the assistant reported; <see cref="TurnSignals.None"/> before it ran.</param>
/// <param name="Memory">What earlier turns left behind (streaks, recent texts).</param>
/// <param name="CustomerFlags">Flags on the known customer, e.g. <c>vip</c>, <c>at-risk</c>.</param>
public sealed record EscalationInput(
    string Text,
    string Language,
    TurnSignals Signals,
    EscalationMemory Memory,
    IReadOnlyCollection<string> CustomerFlags)
{
    public static EscalationInput BeforeAssistant(string text, string language, EscalationMemory memory, IReadOnlyCollection<string>? flags = null) =>
        new(text, language, TurnSignals.None, memory, flags ?? []);
}
