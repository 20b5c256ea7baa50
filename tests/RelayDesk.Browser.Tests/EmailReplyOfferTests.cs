using Microsoft.Playwright;

namespace RelayDesk.Browser.Tests;

public sealed class EmailReplyOfferTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task InTheCallbackOffer_TheCustomerKeepsTheirPlace_AndChoosesRepliesByEmail()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = fixture.BaseAddress.ToString() });
        var customer = await context.NewPageAsync();
        customer.SetDefaultTimeout(Timeout);

        await customer.GotoAsync("/");
        await customer.Locator("[data-testid=lang-en]").ClickAsync();
        await customer.Locator("[data-testid=talk-to-human]").ClickAsync();

        var offer = customer.Locator("[data-testid=callback-offer]");
        await Assertions.Expect(offer).ToBeVisibleAsync();
        var input = offer.Locator("[data-testid=email-reply-input]");
        var choose = offer.Locator("[data-testid=email-reply]");
        await Assertions.Expect(choose).ToHaveTextAsync("Keep my place – reply by e-mail");
        await customer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "customer-email-reply-offer.png") });

        await input.FillAsync("not an address");
        await choose.ClickAsync();
        await Assertions.Expect(customer.Locator("[data-testid=chat-error]")).ToContainTextAsync("valid e-mail address");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");

        await input.FillAsync("sam.taylor@example.co.uk");
        await choose.ClickAsync();
        await Assertions.Expect(customer.Locator("[data-testid=email-reply-status]")).ToContainTextAsync("we e-mail our replies to s***@example.co.uk");
        await Assertions.Expect(offer).ToBeHiddenAsync();
        await Assertions.Expect(customer.Locator("[data-testid=chat-message]").Last).ToContainTextAsync("we'll e-mail our team's replies to s***@example.co.uk");
        await customer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "customer-email-reply.png") });

        // The agent who takes the chat sees that replies also go out by e-mail while the customer is away.
        await using var agentContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = fixture.BaseAddress.ToString() });
        var agent = await agentContext.NewPageAsync();
        agent.SetDefaultTimeout(Timeout);
        await agent.SignInToWorkspaceAsync("agent3@demo.local");
        var queueItem = agent.Locator("[data-testid=queue-item]");
        await Assertions.Expect(queueItem).ToHaveCountAsync(1);
        await queueItem.Locator("[data-testid=accept-button]").ClickAsync();
        await Assertions.Expect(agent.Locator("[data-testid=email-reply]")).ToContainTextAsync("s***@example.co.uk");
    }
}
