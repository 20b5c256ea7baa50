using RelayDesk.Assistant.Handover;

namespace RelayDesk.Assistant.Tests.Handover;

public sealed class ReplySuggesterTests
{
    private static CaseSummary Summary(HandoverReason? handover, params string[] intents) =>
        new(intents, [.. intents.Select(i => IntentNames.For(i, "en"))], [], [], [], handover);

    [Fact]
    public void A_German_hardship_case_gets_a_take_over_naming_the_errand_a_hardship_reply_and_a_next_step_in_German()
    {
        var summary = Summary(new HandoverReason("Hardship", "hardship", null, "urgent", ["hardship"]), "next_payment");

        var replies = ReplySuggester.Suggest(summary, "de", "Anna Becker");

        Assert.Equal(["take-over", "hardship", "next-step"], replies.Select(r => r.Kind));
        Assert.StartsWith("Hallo, hier ist Anna vom Kundenservice.", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("es geht um die nächste Zahlung", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Zahlungspause", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("Zahlungsplan", replies[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_English_button_press_without_a_known_errand_gets_only_the_take_over()
    {
        var replies = ReplySuggester.Suggest(Summary(new HandoverReason("Asked for a person", "button", null, "normal", [])), "en", "Ben");

        var reply = Assert.Single(replies);
        Assert.Equal("Hi, this is Ben from customer service. I've read our chat so far and I'm here for you now.", reply.Text);
    }

    [Theory]
    [InlineData("bereavement", "Beileid")]
    [InlineData("fraud", "Codes oder Passwörter")]
    [InlineData("dispute", "Händler")]
    [InlineData("frustration", "mühsam")]
    public void Every_never_AI_topic_has_its_own_German_reply(string rule, string expected)
    {
        var replies = ReplySuggester.Suggest(Summary(new HandoverReason(rule, rule, null, "high", [])), "de", "Anna");

        Assert.Contains(replies, r => r.Kind == rule && r.Text.Contains(expected, StringComparison.Ordinal));
    }
}
