using System.ComponentModel;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RelayDesk.Assistant.Conversation;
using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Nlu;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// Answers a turn with a large language model behind an OpenAI-compatible endpoint: a system prompt that forbids
/// inventing account figures, the conversation so far, the help articles and the account tools of
/// <see cref="IAssistantToolbox"/>. Personal data is redacted before anything leaves (see
/// <see cref="RedactingChatClient"/>). It throws when the model fails or answers with nothing usable —
/// <see cref="FallbackAssistant"/> then lets the embedded assistant answer.
/// </summary>
public sealed partial class LlmAssistant(
    LlmChatClientSource chatClients,
    KnowledgeBase knowledge,
    IIntentRecognizer intents,
    LlmMetrics metrics,
    IOptions<AssistantProviderOptions> options,
    IServiceScopeFactory scopes,
    ILoggerFactory loggers) : IAssistant
{
    /// <summary>How many earlier messages the model sees; older ones rarely matter and cost tokens.</summary>
    public const int HistoryLimit = 20;

    public string Greeting(string language) => AssistantTexts.Greeting(language);

    public async Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var o = options.Value.OpenAI;

        // Per turn: a DI scope (the seams may be scoped, e.g. on the database), the redactor and the tool log. The chat
        // client is not disposed with it (nothing here holds resources of its own).
        await using var scope = scopes.CreateAsyncScope();
        var toolbox = scope.ServiceProvider.GetRequiredService<IAssistantToolbox>();
        var tools = new ToolCallLog();
        var (client, redactor) = await chatClients.CreateRedactingAsync(scope.ServiceProvider, turn.CustomerId, builder => builder
            .UseFunctionInvocation(loggers, f =>
            {
                f.MaximumIterationsPerRequest = o.MaxRounds;
                f.FunctionInvoker = tools.InvokeAsync;
            }), cancellationToken);

        var chatOptions = new ChatOptions
        {
            Temperature = o.Temperature,
            MaxOutputTokens = o.MaxOutputTokens,
            Tools = [HelpSearch(turn.Language), .. toolbox.ToolsFor(turn)],
            ToolMode = ChatToolMode.Auto,
        };

        var response = await client.GetResponseAsync(Messages(turn), chatOptions, cancellationToken);
        var text = Usable(response);
        var missed = text.StartsWith(LlmPrompts.UnsureMarker, StringComparison.OrdinalIgnoreCase) || SaysItDoesNotKnow().IsMatch(text);
        text = text.Replace(LlmPrompts.UnsureMarker, string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
        if (text.Length == 0)
        {
            metrics.Failed("garbage");
            throw new LlmResponseException("The model only said it was unsure.");
        }

        text = redactor.Restore(text, maskPaymentData: true);
        return new AssistantReply(text, Signals(turn, tools, missed));
    }

    private static List<ChatMessage> Messages(AssistantTurn turn)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, LlmPrompts.System(turn.Language, signedIn: turn.CustomerId is not null)) };
        foreach (var line in turn.Previous.Where(l => !string.IsNullOrWhiteSpace(l.Text)).TakeLast(HistoryLimit))
        {
            switch (line.Author)
            {
                case MessageAuthor.Customer:
                    messages.Add(new ChatMessage(ChatRole.User, line.Text));
                    break;
                case MessageAuthor.Assistant:
                case MessageAuthor.Agent:
                    messages.Add(new ChatMessage(ChatRole.Assistant, line.Text));
                    break;
                default:
                    // System lines (hand-off notices) are for the customer, not the model.
                    break;
            }
        }

        messages.Add(new ChatMessage(ChatRole.User, turn.Text));
        return messages;
    }

    /// <summary>The model's final answer, or an exception when there is none a customer should read.</summary>
    private string Usable(ChatResponse response)
    {
        var last = response.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant);
        var text = last?.Text.Trim() ?? string.Empty;
        var problem = response.FinishReason == ChatFinishReason.ContentFilter ? "was filtered"
            : response.FinishReason == ChatFinishReason.Length ? "was cut off"
            : text.Length == 0 ? "was empty"
            : text.Length > Message.MaxTextLength ? "was too long"
            : LooksLikeRawToolCall(text) ? "was a raw tool call"
            : null;
        if (problem is null)
        {
            return text;
        }

        metrics.Failed("garbage");
        throw new LlmResponseException($"The model's answer {problem}.");
    }

    /// <summary>Small local models sometimes write their tool call as text instead of making it.</summary>
    private static bool LooksLikeRawToolCall(string text) =>
        (text.StartsWith('{') && text.EndsWith('}')) || (text.StartsWith('[') && text.EndsWith(']') && !text.StartsWith("[[", StringComparison.Ordinal));

    private TurnSignals Signals(AssistantTurn turn, ToolCallLog tools, bool missed)
    {
        var intent = intents.Recognize(turn.Text);
        var recognised = intent is { IsOutOfScope: false } && intent.Confidence >= EmbeddedAssistant.IntentConfidence ? intent : null;
        return new TurnSignals
        {
            Intent = missed ? null : recognised?.Label,
            Confidence = recognised?.Confidence ?? (missed ? 0 : EmbeddedAssistant.IntentConfidence),
            Missed = missed,
            AssistantFailed = tools.FailedTool is not null,
            FailureDetail = tools.FailedTool is null ? null : $"The account tool “{tools.FailedTool}” failed.",
            PolicyRefusal = tools.Refused,
            Amount = tools.LargestAmount,
        };
    }

    private AIFunction HelpSearch(string language) => AIFunctionFactory.Create(
        ([Description("The customer's question, or the topic to look up, in the customer's language.")] string question) =>
            knowledge.Search(question, language, take: 3).Where(h => h.Coverage > 0).Select(h => new HelpSearchResult(h.Article.Title, h.Article.Body)).ToList(),
        "search_help",
        "Searches the help centre (payments, due dates, returns, refunds, fees, account). Use it for every question about how things work; answer only from what it returns.");

    [GeneratedRegex(@"^\W*(?:i (?:do not|don't|dont) know|i'm not sure|i am not sure|ich weiß (?:es |das )?nicht|das weiß ich (?:leider )?nicht|ich bin (?:mir )?(?:leider )?nicht sicher)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaysItDoesNotKnow();
}

/// <summary>One help article as the model sees it.</summary>
public sealed record HelpSearchResult(string Title, string Text);
