using RelayDesk.Assistant.Accounts;
using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Nlu;
using RelayDesk.Domain.Accounts.Errands;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Assistant.Conversation;

/// <summary>
/// The offline assistant: recognises the intent with the embedded classifier, answers from the matching help article
/// (or, without a confident intent, from full-text retrieval), handles greetings and thanks, and says so when it did
/// not understand — a miss the escalation rules count. It runs on the machine, with no external model. Requests for a
/// person are not its business: the escalation rules see every message before the assistant does. Account questions
/// (next payment, schedule, balance, return sent, refund status, extension, invoice) are answered on the customer's
/// real account through the account errands when the host provides them; when several open purchases could be meant, it
/// asks which one and takes the answer in the next turn (see <see cref="PurchaseChoice"/>).
/// </summary>
public sealed class EmbeddedAssistant(KnowledgeBase knowledge, IIntentRecognizer intents, IAccountErrands? errands = null) : IAssistant
{
    private readonly AccountErrandAnswers? _accounts = errands is null ? null : new AccountErrandAnswers(errands);

    /// <summary>An article must cover at least this share of the question's meaningful words to be offered.</summary>
    public const double MinimumCoverage = 0.3;

    /// <summary>A recognised intent is trusted to pick the article from this confidence on.</summary>
    public const double IntentConfidence = 0.5;

    public string Greeting(string language) => AssistantTexts.Greeting(language);

    public async Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var intent = intents.Recognize(turn.Text);
        var recognised = intent is { IsOutOfScope: false } && intent.Confidence >= IntentConfidence ? intent : null;
        if (_accounts is not null && turn.CustomerId is not null && PurchaseChoice.Pending(turn.Previous) is { } choice
            && await _accounts.AnswerChoiceAsync(choice, recognised?.Label, turn, cancellationToken) is { } chosen)
        {
            return chosen;
        }

        switch (recognised?.Label)
        {
            case "greeting":
                return await Reply(AssistantTexts.Hello(turn.Language), recognised);
            case "thanks_goodbye":
                return await Reply(AssistantTexts.YouAreWelcome(turn.Language), recognised);
            case { } label when _accounts is not null && turn.CustomerId is not null && AccountErrandAnswers.Intents.Contains(label):
                return await _accounts.AnswerAsync(label, recognised.Confidence, turn, cancellationToken);
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
            return new AssistantReply(AssistantTexts.NotUnderstood(turn.Language), missed);
        }

        var signals = new TurnSignals { Intent = recognised?.Label ?? article.TopicId, Confidence = recognised?.Confidence ?? MinimumCoverage };
        var body = article.Body;
        if (_accounts is not null && turn.CustomerId is null && recognised is not null && AccountErrandAnswers.Intents.Contains(recognised.Label))
        {
            // An anonymous visitor gets the general answer, and is told that the errand itself needs a login (inside
            // the article answer, so it still reads — and is summarised for agents — as a help-article answer).
            body += "\n\n" + AccountTexts.LoginRequired(turn.Language);
        }

        return new AssistantReply(AssistantTexts.Answer(turn.Language, article.Title, body), signals, article.Id);
    }

    private static Task<AssistantReply> Reply(string text, IntentPrediction intent) =>
        Task.FromResult(new AssistantReply(text, new TurnSignals { Intent = intent.Label, Confidence = intent.Confidence }));
}
