using System;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class ChatConcurrencyTests
{
    private static readonly ContactLoad Chats = ContactLoad.PerInterval(360, 1800, 240);

    [Fact]
    public void Evaluate_WithThreeChatsPerAgent_IsErlangCOnThreeTimesAsManySlots()
    {
        var chat = ChatConcurrency.Evaluate(Chats, 20, 3, 20);
        var slots = ErlangC.Evaluate(Chats, 60, 20);

        Assert.Equal(slots, chat);
    }

    [Theory]
    [InlineData(1, 54)]
    [InlineData(2, 27)]
    [InlineData(3, 18)]
    [InlineData(4, 14)]
    public void RequiredAgents_DividesRequiredSlotsByConcurrencyRoundingUp(int concurrency, int expectedAgents)
    {
        // Erlang C needs 54 slots for 80/20 on 48 erlangs.
        Assert.Equal(expectedAgents, ChatConcurrency.RequiredAgents(Chats, concurrency, 0.80, 20));
    }

    [Fact]
    public void RequiredAgents_WithOccupancyCap_CapsSlotOccupancy()
    {
        // 57 slots are needed for an 85 % cap, which on 3 chats each is 19 agents.
        Assert.Equal(19, ChatConcurrency.RequiredAgents(Chats, 3, 0.80, 20, maxOccupancy: 0.85));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void ConcurrencyBelowOne_Throws(int concurrency)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ChatConcurrency.RequiredAgents(Chats, concurrency, 0.8, 20));
        Assert.Equal("concurrentChatsPerAgent", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChatConcurrency.Evaluate(Chats, 10, concurrency, 20));
    }
}
