using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Assistant.Tests.Nlu;

/// <summary>One model trained on the shipped German + English intent data (as the product does).</summary>
public sealed class ProductModelFixture : IDisposable
{
    public ProductModelFixture()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "NluData");
        Rows = [.. IntentDataset.Load(Path.Combine(dir, "intents-en.csv")), .. IntentDataset.Load(Path.Combine(dir, "intents-de.csv"))];
        Model = IntentClassifier.Train(Rows, IntentClassifierOptions.Default);
    }

    public IReadOnlyList<IntentExample> Rows { get; }

    public IntentClassifier Model { get; }

    public void Dispose() => Model.Dispose();
}

public sealed class ProductDataTests(ProductModelFixture fixture) : IClassFixture<ProductModelFixture>
{
    [Theory]
    [InlineData("wann ist meine nächste Rate fällig", "when is my next instalment due", "next_payment")]
    [InlineData("warum wurde meine Karte abgelehnt", "why was my card declined", "card_declined")]
    [InlineData("ich kann mich nicht mehr einloggen", "I can't log into my account anymore", "login_problem")]
    [InlineData("ich bin umgezogen und brauche eine neue Adresse im Konto", "I moved and need to update my address", "change_address")]
    [InlineData("mein Paket ist nie angekommen", "my parcel never arrived", "order_not_received")]
    [InlineData("wie hoch sind die Mahngebühren", "how much is the late fee", "fees_late")]
    [InlineData("ich habe die Rücksendung gestern abgeschickt", "I sent the return back yesterday", "return_sent")]
    [InlineData("hab die hälfte zurückgeschickt aber zahle immer noch den vollen preis", "sent half of it back but im still paying full price", "partial_refund")]
    [InlineData("dankeschön, das hat mir echt geholfen", "cheers, that sorted it", "thanks_goodbye")]
    [InlineData("wie funktioniert das mit dem später zahlen", "how does the pay later thing work", "how_bnpl_works")]
    public void German_and_English_phrasings_of_the_same_errand_map_to_the_same_intent(string german, string english, string intent)
    {
        var de = fixture.Model.Predict(german);
        var en = fixture.Model.Predict(english);

        Assert.Equal(intent, de.Label);
        Assert.Equal(intent, en.Label);
        Assert.False(de.IsOutOfScope, $"DE confidence {de.Confidence} < threshold {fixture.Model.OutOfScopeThreshold}");
        Assert.False(en.IsOutOfScope, $"EN confidence {en.Confidence} < threshold {fixture.Model.OutOfScopeThreshold}");
    }

    [Theory]
    [InlineData("what's the weather in Hamburg")]
    [InlineData("wie wird das Wetter in Hamburg")]
    [InlineData("who is going to win the Eurovision song contest")]
    public void Obviously_unrelated_text_is_out_of_scope(string text)
        => Assert.True(fixture.Model.Predict(text).IsOutOfScope);

    [Fact]
    public void Training_data_has_one_model_for_both_languages_with_an_oos_label()
    {
        Assert.Equal("oos", fixture.Model.OosLabel);
        Assert.Equal(31, fixture.Model.Labels.Count);
        Assert.InRange(fixture.Model.OutOfScopeThreshold, 0f, 1f);
    }
}
