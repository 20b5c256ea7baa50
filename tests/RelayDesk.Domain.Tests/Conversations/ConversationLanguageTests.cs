using RelayDesk.Domain;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Domain.Tests.Conversations;

public sealed class ConversationLanguageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SwitchLanguage_ToTheOtherDeskLanguage_ChangesIt()
    {
        var conversation = Conversation.Start(Guid.NewGuid(), "de", null, Now);

        Assert.True(conversation.SwitchLanguage("en-GB"));
        Assert.Equal("en", conversation.Language);
        Assert.False(conversation.SwitchLanguage("EN"));
    }

    [Fact]
    public void SwitchLanguage_ToAnUnsupportedLanguage_IsRefusedAndKeepsTheLanguage()
    {
        var conversation = Conversation.Start(Guid.NewGuid(), "de", null, Now);

        var refused = Assert.Throws<DomainException>(() => conversation.SwitchLanguage("fr"));
        Assert.Equal("language.unsupported", refused.Code);
        Assert.Equal("de", conversation.Language);
    }
}
