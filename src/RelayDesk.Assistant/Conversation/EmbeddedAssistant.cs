using RelayDesk.Assistant.Knowledge;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Assistant.Conversation;

/// <summary>
/// The offline assistant: answers help-centre questions from the knowledge base, and says so when it did not
/// understand (a miss the escalation rules count). It runs on the machine, with no external model. Requests for a
/// person are not its business: the escalation rules see every message before the assistant does.
/// </summary>
public sealed class EmbeddedAssistant(KnowledgeBase knowledge) : IAssistant
{
    /// <summary>An article must cover at least this share of the question's meaningful words to be offered.</summary>
    public const double MinimumCoverage = 0.3;

    public string Greeting(string language) => AssistantTexts.Greeting(language);

    public Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var best = knowledge.Search(turn.Text, turn.Language, take: 1).FirstOrDefault();
        if (best is null || best.Coverage < MinimumCoverage)
        {
            var missed = new TurnSignals { Missed = true, Confidence = best?.Coverage ?? 0 };
            return Task.FromResult(new AssistantReply(AssistantTexts.NotUnderstood(turn.Language), missed));
        }

        var text = AssistantTexts.Answer(turn.Language, best.Article.Title, best.Article.Body);
        var signals = new TurnSignals { Intent = best.Article.TopicId, Confidence = best.Coverage };
        return Task.FromResult(new AssistantReply(text, signals, best.Article.Id));
    }
}
