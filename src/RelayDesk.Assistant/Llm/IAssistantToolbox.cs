using Microsoft.Extensions.AI;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// The tools (account errands) a model may call for one turn. Tools are usually made with
/// <see cref="AIFunctionFactory.Create(Delegate, string?, string?, System.Text.Json.JsonSerializerOptions?)"/> from small
/// methods whose parameters and purpose carry <c>[Description]</c>s, bound to <see cref="AssistantTurn.CustomerId"/>
/// — never let the model choose whose account it touches.
/// </summary>
/// <remarks>
/// What a tool returns is redacted before the model sees it. Its JSON is also read for the escalation signals: the
/// largest number in a property whose name contains <c>amount</c> or <c>balance</c> becomes
/// <see cref="Domain.Escalation.TurnSignals.Amount"/>, and a <c>true</c> property named <c>refused</c> or
/// <c>policyRefusal</c> sets <see cref="Domain.Escalation.TurnSignals.PolicyRefusal"/>. A tool that throws marks the turn
/// as failed, so a person takes over.
/// </remarks>
public interface IAssistantToolbox
{
    IReadOnlyList<AITool> ToolsFor(AssistantTurn turn);
}

/// <summary>No account tools: the model can only search the help articles.</summary>
public sealed class EmptyAssistantToolbox : IAssistantToolbox
{
    public IReadOnlyList<AITool> ToolsFor(AssistantTurn turn) => [];
}
