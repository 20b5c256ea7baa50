using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Nlu;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Assistant.Conversation;

/// <summary>
/// The offline assistant: recognises the intent with the embedded classifier, answers from the matching help article
/// (or, without a confident intent, from full-text retrieval), handles greetings and thanks, and says so when it did
/// not understand — a miss the escalation rules count. It runs on the machine, with no external model. Requests for a
/// person are not its business: the escalation rules see every message before the assistant does.
/// </summary>
public sealed class EmbeddedAssistant(KnowledgeBase knowledge, IIntentRecognizer intents) : IAssistant
{
    /// <summary>An article must cover at least this share of the question's meaningful words to be offered.</summary>
    public const double MinimumCoverage = 0.3;

    /// <summary>A recognised intent is trusted to pick the article from this confidence on.</summary>
    public const double IntentConfidence = 0.5;

    public string Greeting(string language) => AssistantTexts.Greeting(language);

    public Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var intent = intents.Recognize(turn.Text);
        var recognised = intent is { IsOutOfScope: false } && intent.Confidence >= IntentConfidence ? intent : null;
        switch (recognised?.Label)
        {
            case "greeting":
                return Reply(AssistantTexts.Hello(turn.Language), recognised);
            case "thanks_goodbye":
                return Reply(AssistantTexts.YouAreWelcome(turn.Language), recognised);
        }

        var article = recognised is not null && IntentArticles.Topics.TryGetValue(recognised.Label, out var topic)
            ? knowledge.Article(topic, turn.Language)
            : null;
        if (article is null && intent is not { IsOutOfScope: true })
        {
            var best = knowledge.Search(turn.Text, turn.Language, take: 1).FirstOrDefault();
            article = best is { Coverage: >= MinimumCoverage } ? best.Article : null;
        }

        if (article is null)
        {
            var missed = new TurnSignals { Missed = true, Intent = null, Confidence = intent?.Confidence ?? 0 };
            return Task.FromResult(new AssistantReply(AssistantTexts.NotUnderstood(turn.Language), missed));
        }

        var signals = new TurnSignals { Intent = recognised?.Label ?? article.TopicId, Confidence = recognised?.Confidence ?? MinimumCoverage };
        return Task.FromResult(new AssistantReply(AssistantTexts.Answer(turn.Language, article.Title, article.Body), signals, article.Id));
    }

    private static Task<AssistantReply> Reply(string text, IntentPrediction intent) =>
        Task.FromResult(new AssistantReply(text, new TurnSignals { Intent = intent.Label, Confidence = intent.Confidence }));
}
