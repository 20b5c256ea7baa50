using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Signals;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Assistant.Conversation;

/// <summary>
/// The offline assistant: notices requests for a person and answers help-centre questions from the knowledge base.
/// It runs on the machine, with no external model.
/// </summary>
public sealed class EmbeddedAssistant(KnowledgeBase knowledge) : IAssistant
{
    /// <summary>An article must cover at least this share of the question's meaningful words to be offered.</summary>
    public const double MinimumCoverage = 0.3;

    public string Greeting(string language) => AssistantTexts.Greeting(language);

    public Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var evidence = HumanRequestDetector.Detect(turn.Text);
        if (evidence is not null)
        {
            return Task.FromResult(new AssistantReply(null, new TurnSignals { HumanRequested = true, Evidence = evidence }));
        }

        var best = knowledge.Search(turn.Text, turn.Language, take: 1).FirstOrDefault();
        if (best is null || best.Coverage < MinimumCoverage)
        {
            return Task.FromResult(new AssistantReply(AssistantTexts.NotUnderstood(turn.Language), TurnSignals.None));
        }

        var text = AssistantTexts.Answer(turn.Language, best.Article.Title, best.Article.Body);
        return Task.FromResult(new AssistantReply(text, TurnSignals.None, best.Article.Id));
    }
}
