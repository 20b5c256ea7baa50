using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Conversations;

public sealed class LanguageSwitchTests : IDisposable
{
    private readonly RelayDeskFactory _factory = new();

    [Fact]
    public async Task A_customer_who_writes_English_in_a_German_chat_is_answered_in_English()
    {
        var (started, customer) = await _factory.StartCustomerAsync("de");
        await _factory.ModelsReadyAsync();

        var ack = await customer.SendAsync(started.Id, "How long does it take until I get my refund back?");

        var conversation = await _factory.WaitForAsync(started.Id, c => c.LastSeq > ack.Seq);
        Assert.Equal("en", conversation.Language);
        var answer = conversation.Messages.Single(m => m.Seq == ack.Seq + 1);
        Assert.Equal(MessageAuthor.Assistant, answer.Author);
        Assert.Contains("refund", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_reply_too_short_to_tell_keeps_the_conversation_language()
    {
        var (started, customer) = await _factory.StartCustomerAsync("de");
        await _factory.ModelsReadyAsync();

        var ack = await customer.SendAsync(started.Id, "ok");

        var conversation = await _factory.WaitForAsync(started.Id, c => c.LastSeq > ack.Seq);
        Assert.Equal("de", conversation.Language);
    }

    public void Dispose() => _factory.Dispose();
}
