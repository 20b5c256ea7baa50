using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Assistant.Tests.Nlu;

/// <summary>A small, clearly separable data set written for the tests.</summary>
internal static class SmallData
{
    public static IReadOnlyList<IntentExample> Rows { get; } = Build();

    private static List<IntentExample> Build()
    {
        var data = new (string Label, string[] Texts)[]
        {
            ("pay_bill", ["pay my bill", "I want to pay the bill", "how do I pay my bill", "bill payment please", "can I pay the invoice now",
                "pay invoice", "settle my bill", "I'd like to pay what I owe", "make a payment on my bill", "pay the outstanding invoice"]),
            ("lost_card", ["I lost my card", "my card was stolen", "card lost", "someone stole my card", "I can't find my card anywhere",
                "block my stolen card", "lost credit card", "my wallet with the card is gone", "report a lost card", "card missing"]),
            ("greeting", ["hello", "hi there", "good morning", "hey", "hallo", "good evening", "hi", "hello there", "morning", "hey there"]),
            ("refund", ["where is my refund", "refund not received", "when do I get my money back", "I am still waiting for the refund",
                "refund status", "has my refund been processed", "money back for my return", "refund missing", "did you refund me", "refund please"]),
        };
        var rows = new List<IntentExample>();
        foreach (var (label, texts) in data)
        {
            rows.AddRange(texts.Select(t => new IntentExample(t, label)));
        }

        var oos = new[] { "what's the weather like", "tell me a joke", "recipe for pancakes", "who won the football match",
            "how tall is the eiffel tower", "play some music", "what time is it", "banana", "translate this into french", "how old are you" };
        rows.AddRange(oos.Select(t => new IntentExample(t, "oos")));
        return rows;
    }

    /// <summary>Fast options for the small set (one model, 2-fold calibration).</summary>
    public static IntentClassifierOptions FastOptions { get; } = new() { CalibrationFolds = 2 };
}
