using Microsoft.Playwright;

namespace RelayDesk.Browser.Tests;

public sealed class CallbackOfferTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task WithNobodyToTakeTheChat_TheWidgetOffersCallbackSlots_AndBooksOne()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", BaseURL = fixture.BaseAddress.ToString() });
        var customer = await context.NewPageAsync();
        customer.SetDefaultTimeout(Timeout);

        await customer.GotoAsync("/");
        await customer.Locator("[data-testid=lang-de]").ClickAsync();
        await customer.Locator("[data-testid=talk-to-human]").ClickAsync();

        // No agent is online in the demo: instead of a dead end, the widget offers callback times.
        var offer = customer.Locator("[data-testid=callback-offer]");
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await Assertions.Expect(offer).ToContainTextAsync("Rückruf");
        await Assertions.Expect(offer.Locator("[data-testid=keep-place]")).ToHaveTextAsync("Platz behalten – hier antworten");
        await customer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "customer-callback-offer.png") });

        await offer.Locator("[data-testid=callback-slot]").First.ClickAsync();
        await Assertions.Expect(customer.Locator("[data-testid=chat-eta]")).ToContainTextAsync("Rückruf gebucht");
        await Assertions.Expect(offer).ToBeHiddenAsync();
        await Assertions.Expect(customer.Locator("[data-testid=chat-message]").Last).ToContainTextAsync("Gebucht: Wir melden uns");
    }
}
