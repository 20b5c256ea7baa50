using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Domain.Tests.Escalation;

/// <summary>The promise, as properties: whatever came before, a request for a person is honoured.</summary>
public class HumanRequestPropertyTests
{
    private static readonly string[] Requests =
    [
        "I want to talk to a human", "agent please", "real person please", "stop the bot", "Mensch bitte",
        "Ich möchte mit einem Mitarbeiter sprechen", "verbinden Sie mich bitte weiter", "AGENT!!!", "kann ich mit jemandem sprechen",
    ];

    private static readonly string[] Chatter =
    [
        "when is my next payment", "wann ist die nächste Rate fällig", "ok", "thanks", "hmm", "das verstehe ich nicht",
        "this is useless", "I returned the parcel", "€1.200 purchase", "blorp", "", "!!!", "😊",
    ];

    /// <summary>Any history of signals and earlier messages, any text around the request: the rules escalate.</summary>
    [Property(MaxTest = 300)]
    public Property AWrittenRequest_AlwaysEscalates_WhateverTheHistory()
    {
        var scenario =
            from request in Gen.Elements(Requests)
            from before in Gen.Elements(Chatter)
            from after in Gen.Elements(Chatter)
            from length in Gen.Choose(0, 6)
            from history in Gen.ListOf(Gen.Elements(Chatter).Zip(ArbitrarySignals()), length)
            from signals in ArbitrarySignals()
            from language in Gen.Elements("de", "en")
            select (Text: $"{before} {request} {after}", history, signals, language);

        return Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            var memory = s.history.Aggregate(EscalationMemory.Empty, (m, turn) => m.After(turn.Item1, turn.Item2, soundedNegative: turn.Item1.Contains("useless", StringComparison.Ordinal)));
            var before = EscalationRuleSet.Default.Decide(EscalationInput.BeforeAssistant(s.Text, s.language, memory));
            var after = EscalationRuleSet.Default.Decide(new EscalationInput(s.Text, s.language, s.signals, memory, []));
            return before.Escalate && after.Escalate;
        });
    }

    /// <summary>Any sequence of legal moves on a conversation, then the button: people have it, unless it was closed.</summary>
    [Property(MaxTest = 300)]
    public Property TheButton_LeavesNoOpenConversationWithTheAssistant()
    {
        var moves = Gen.Choose(0, 20).SelectMany(length => Gen.ListOf(Gen.Choose(0, 6), length));
        return Prop.ForAll(moves.ToArbitrary(), sequence =>
        {
            var now = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
            var conversation = Conversation.Start(Guid.NewGuid(), "de", null, now);
            foreach (var move in sequence)
            {
                TryApply(conversation, move, now = now.AddSeconds(7));
            }

            if (conversation.State == ConversationState.Closed)
            {
                return Throws(() => conversation.RequestHuman(EscalationDecision.Button, now));
            }

            conversation.RequestHuman(EscalationDecision.Button, now);
            return conversation.State is ConversationState.Queued or ConversationState.Assigned;
        });
    }

    private static Gen<TurnSignals> ArbitrarySignals() =>
        from missed in Gen.Elements(true, false)
        from failed in Gen.Elements(true, false)
        from refusal in Gen.Elements(true, false)
        from intent in Gen.Elements<string?>(null, "refund-timing", "next-payment")
        from amount in Gen.Elements<decimal?>(null, 10m, 5000m)
        select new TurnSignals { Missed = missed, AssistantFailed = failed, PolicyRefusal = refusal, Intent = intent, Amount = amount };

    private static void TryApply(Conversation conversation, int move, DateTimeOffset now)
    {
        try
        {
            switch (move)
            {
                case 0: conversation.Append(MessageAuthor.Customer, "hallo", now, Guid.NewGuid().ToString("N")); break;
                case 1: conversation.Append(MessageAuthor.Assistant, "Antwort", now); break;
                case 2: conversation.RequestHuman(EscalationDecision.TurnFailed("fault"), now); break;
                case 3: conversation.Assign("agent-1", "Anna", now); break;
                case 4: conversation.Resolve("agent-1", now); break;
                case 5: conversation.Append(MessageAuthor.Agent, "Hallo, hier Anna", now, authorId: "agent-1"); break;
                default: conversation.Close(now); break;
            }
        }
        catch (DomainException)
        {
            // An illegal move in this state: refused, nothing changed — the sequence goes on.
        }
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (DomainException)
        {
            return true;
        }
    }
}
