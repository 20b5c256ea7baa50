using RelayDesk.Cli.Load;

namespace RelayDesk.Cli.Tests.Load;

public class TranscriptCheckTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compare_EveryAckStoredAsSent_FindsNothingLostOrDuplicated()
    {
        var sent = new[] { Acked("a", "hello (ref 1)", 2), Acked("b", "hi (ref 2)", 4) };
        var stored = new[] { Assistant(1), Customer(2, "hello (ref 1)"), Assistant(3), Customer(4, "hi (ref 2)") };

        var result = TranscriptCheck.Compare(sent, stored);

        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicated);
    }

    [Fact]
    public void Compare_AnAckedSeqMissingOrHoldingAnotherText_CountsAsLost()
    {
        var sent = new[] { Acked("a", "hello (ref 1)", 2), Acked("b", "hi (ref 2)", 3) };
        var stored = new[] { Assistant(1), Customer(2, "something else") };

        var result = TranscriptCheck.Compare(sent, stored);

        Assert.Equal(2, result.Lost);
        Assert.Equal(2, result.Samples.Count);
    }

    [Fact]
    public void Compare_ATextStoredTwice_CountsAsDuplicated()
    {
        var sent = new[] { Acked("a", "hello (ref 1)", 2) };
        var stored = new[] { Customer(2, "hello (ref 1)"), Customer(3, "hello (ref 1)") };

        var result = TranscriptCheck.Compare(sent, stored);

        Assert.Equal(0, result.Lost);
        Assert.Equal(1, result.Duplicated);
    }

    [Fact]
    public void Compare_AnUnacknowledgedSendThatWasStored_IsNotLostButCounted()
    {
        var sent = new[] { new SentMessage("a", "hello (ref 1)", 0, inWindow: true) { Failed = true } };
        var stored = new[] { Customer(2, "hello (ref 1)") };

        var result = TranscriptCheck.Compare(sent, stored);

        Assert.Equal(0, result.Lost);
        Assert.Equal(1, result.StoredWithoutAck);
    }

    private static SentMessage Acked(string id, string text, long seq) => new(id, text, 0, inWindow: true) { AckSeq = seq };

    private static MessageView Customer(long seq, string text) => new(seq, "customer", null, text, At);

    private static MessageView Assistant(long seq) => new(seq, "assistant", "Assistant", "An answer.", At);
}
